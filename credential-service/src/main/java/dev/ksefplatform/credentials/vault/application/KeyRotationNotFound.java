package dev.ksefplatform.credentials.vault.application;

public final class KeyRotationNotFound extends RuntimeException {

    public KeyRotationNotFound(String id) {
        super("key rotation " + id + " does not exist");
    }
}
