package dev.ksefplatform.credentials.session.application;

/** The refresh token was refused (400/401): a fresh login is needed. */
public final class KsefSessionExpired extends RuntimeException {

    public KsefSessionExpired(String message, Throwable cause) {
        super(message, cause);
    }
}
