package dev.ksefplatform.credentials.vault.domain;

/**
 * A secret at rest: the ciphertext under a fresh data key, and that data key wrapped by master key
 * {@code keyVersion}. Both layers are AES-256-GCM with the same associated data.
 */
public record Envelope(int keyVersion, byte[] wrapNonce, byte[] wrappedKey, byte[] dataNonce, byte[] ciphertext) {

    public Envelope {
        wrapNonce = wrapNonce.clone();
        wrappedKey = wrappedKey.clone();
        dataNonce = dataNonce.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] wrapNonce() {
        return wrapNonce.clone();
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    @Override
    public byte[] dataNonce() {
        return dataNonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public String toString() {
        return "Envelope[keyVersion=" + keyVersion + ", ciphertext=" + ciphertext.length + " bytes]";
    }
}
