package dev.ksefplatform.ksef.client.error;

/**
 * The authentication operation ended with a status other than 200 (e.g. 415 no permissions, 450 bad token), or was
 * still in progress (100) when the client stopped waiting.
 */
public class KsefAuthenticationFailedException extends KsefOperationFailedException {

    public static final int IN_PROGRESS = 100;
    public static final int CANCELLED_BY_SYSTEM = 550;

    public KsefAuthenticationFailedException(int statusCode, String description) {
        super("KSeF authentication", statusCode, description);
    }

    /** 550: KSeF cancelled it and asks for a retry; 100: the client stopped waiting for a slow (OCSP) check. */
    @Override
    public boolean retryable() {
        return statusCode() == CANCELLED_BY_SYSTEM || statusCode() == IN_PROGRESS;
    }
}
