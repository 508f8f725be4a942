package dev.ksefplatform.credentials.vault.domain;

/** An envelope names a master-key version the vault does not hold. */
public final class UnknownMasterKey extends VaultException {

    public UnknownMasterKey(int version) {
        super("no master key with version " + version);
    }
}
