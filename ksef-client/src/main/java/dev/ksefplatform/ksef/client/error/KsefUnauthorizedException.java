package dev.ksefplatform.ksef.client.error;

/** 401: the token is missing, invalid or expired; the caller refreshes it. */
public class KsefUnauthorizedException extends KsefException {

    public KsefUnauthorizedException(String detail) {
        super("KSeF refused the token: " + detail, 401, null);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
