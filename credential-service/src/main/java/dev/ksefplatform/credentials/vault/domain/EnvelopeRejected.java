package dev.ksefplatform.credentials.vault.domain;

/** GCM authentication failed: the envelope was tampered with or belongs to other associated data. */
public final class EnvelopeRejected extends VaultException {

    public EnvelopeRejected(String layer, Throwable cause) {
        super("envelope " + layer + " failed authentication (tampered, or bound to another tenant/kind/environment)", cause);
    }
}
