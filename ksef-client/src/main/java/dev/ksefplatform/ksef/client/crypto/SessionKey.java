package dev.ksefplatform.ksef.client.crypto;

import java.security.SecureRandom;

/** A session's AES-256 key and IV. Never printed. */
public final class SessionKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final byte[] iv;

    private SessionKey(byte[] key, byte[] iv) {
        this.key = key;
        this.iv = iv;
    }

    public static SessionKey random() {
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(iv);
        return new SessionKey(key, iv);
    }

    byte[] key() {
        return key;
    }

    public byte[] iv() {
        return iv.clone();
    }

    public byte[] wrapWith(MfPublicKey publicKey) {
        return KsefCrypto.rsaOaep(publicKey.key(), key);
    }

    @Override
    public String toString() {
        return "SessionKey[***]";
    }
}
