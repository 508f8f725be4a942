package dev.ksefplatform.ksef.client.error;

/** 5xx from KSeF. */
public class KsefServerException extends KsefException {

    public KsefServerException(int httpStatus) {
        super("KSeF server error: HTTP " + httpStatus, httpStatus, null);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
