package dev.ksefplatform.ksef.client.support;

import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** What the server side does with a session key: unwrap it with the MF private key, then AES-256-CBC/PKCS#7. */
public record Aes(byte[] key, byte[] iv) {

    public static Aes unwrap(String encryptedSymmetricKey, String initializationVector) throws Exception {
        return new Aes(MfTestKeys.decryptOaepSha256(MfTestKeys.SYMMETRIC_KEY.getPrivate(),
                Base64.getDecoder().decode(encryptedSymmetricKey)), Base64.getDecoder().decode(initializationVector));
    }

    public byte[] decrypt(byte[] ciphertext) throws Exception {
        return cipher(Cipher.DECRYPT_MODE).doFinal(ciphertext);
    }

    public byte[] encrypt(byte[] plaintext) throws Exception {
        return cipher(Cipher.ENCRYPT_MODE).doFinal(plaintext);
    }

    private Cipher cipher(int mode) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher;
    }

    public static String sha256(byte[] data) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
