package dev.ksefplatform.commandapi.integration.domain;

/** A self-service request the gateway refuses before asking the vault; the message never holds a secret. */
public final class InvalidIntegration extends RuntimeException {

    public InvalidIntegration(String message) {
        super(message);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidIntegration(message);
        }
    }
}
