package dev.ksefplatform.ksef.client.error;

/** The request did not complete: connection failure, reset or timeout. */
public class KsefTransportException extends KsefException {

    public KsefTransportException(String message, Throwable cause) {
        super(message, null, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
