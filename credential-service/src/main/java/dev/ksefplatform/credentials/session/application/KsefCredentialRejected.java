package dev.ksefplatform.credentials.session.application;

/**
 * KSeF refused to authenticate with the stored credential (revoked token, missing permission...).
 * {@link #tokenInactive()} says KSeF reported the KSeF token itself inactive or revoked (authentication
 * status 450): the taxpayer must issue a new one, so the integration is EXPIRED rather than in ERROR.
 */
public final class KsefCredentialRejected extends RuntimeException {

    private final boolean tokenInactive;

    public KsefCredentialRejected(String message, Throwable cause) {
        this(message, cause, false);
    }

    private KsefCredentialRejected(String message, Throwable cause, boolean tokenInactive) {
        super(message, cause);
        this.tokenInactive = tokenInactive;
    }

    public static KsefCredentialRejected tokenInactive(String message, Throwable cause) {
        return new KsefCredentialRejected(message, cause, true);
    }

    public boolean tokenInactive() {
        return tokenInactive;
    }
}
