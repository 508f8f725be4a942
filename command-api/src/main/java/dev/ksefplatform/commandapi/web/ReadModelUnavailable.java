package dev.ksefplatform.commandapi.web;

/** sync-service did not answer, or not as agreed: the tenant may retry; the cause is logged, never shown. */
public final class ReadModelUnavailable extends RuntimeException {

    public ReadModelUnavailable(String what, Throwable cause) {
        super(what + " is unavailable; try again shortly", cause);
    }
}
