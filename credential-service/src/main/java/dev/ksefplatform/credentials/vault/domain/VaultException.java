package dev.ksefplatform.credentials.vault.domain;

/** The vault could not seal or open a secret. Messages never carry key or secret material. */
public sealed class VaultException extends RuntimeException permits UnknownMasterKey, EnvelopeRejected {

    protected VaultException(String message) {
        super(message);
    }

    protected VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
