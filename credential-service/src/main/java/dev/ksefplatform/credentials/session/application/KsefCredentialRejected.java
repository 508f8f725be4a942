package dev.ksefplatform.credentials.session.application;

/** KSeF refused to authenticate with the stored credential (revoked token, missing permission...). */
public final class KsefCredentialRejected extends RuntimeException {

    public KsefCredentialRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
