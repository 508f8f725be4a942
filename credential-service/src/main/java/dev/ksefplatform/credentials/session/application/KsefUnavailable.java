package dev.ksefplatform.credentials.session.application;

/** KSeF could not be reached or answered with a transient failure; the caller may retry. */
public final class KsefUnavailable extends RuntimeException {

    public KsefUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
