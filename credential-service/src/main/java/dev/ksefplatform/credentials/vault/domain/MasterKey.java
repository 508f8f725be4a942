package dev.ksefplatform.credentials.vault.domain;

/** A 256-bit key-encryption key and its version. */
public record MasterKey(int version, byte[] key) {

    public MasterKey {
        if (key.length != 32) {
            throw new IllegalArgumentException("master key " + version + " must be 256 bits");
        }
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "MasterKey[version=" + version + "]";
    }
}
