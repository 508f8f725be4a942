package dev.ksefplatform.credentials.vault.application;

/** A rotation was asked to move every envelope to a master-key version the vault does not hold. */
public final class UnknownRotationTarget extends RuntimeException {

    public UnknownRotationTarget(int version) {
        super("master key version " + version + " is not configured; add credentials.vault.master-keys."
                + version + " before rotating to it");
    }
}
