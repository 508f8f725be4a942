package dev.ksefplatform.commandapi.integration.application;

/** The vault could not be asked (down, slow, or answering off-contract); the cause is logged, never answered. */
public final class CredentialServiceUnavailable extends RuntimeException {

    public CredentialServiceUnavailable(String what, Throwable cause) {
        super("integrations are temporarily unavailable (" + what + "); try again shortly", cause);
    }
}
