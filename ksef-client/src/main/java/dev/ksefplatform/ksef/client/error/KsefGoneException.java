package dev.ksefplatform.ksef.client.error;

/** 410: the operation status is past its retention. */
public class KsefGoneException extends KsefException {

    public KsefGoneException(String detail) {
        super("KSeF no longer holds the resource: " + detail, 410, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
