package dev.ksefplatform.ksef.client.error;

/** A body that is not the JSON expected, typically KSeF's HTML firewall page. */
public class KsefUnexpectedResponseException extends KsefException {

    public KsefUnexpectedResponseException(int httpStatus, String what, Throwable cause) {
        super("Unexpected KSeF response (HTTP " + httpStatus + "): " + what, httpStatus, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
