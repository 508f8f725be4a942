package dev.ksefplatform.sync.webhook.adapter.crypto;

import dev.ksefplatform.sync.webhook.application.SigningSecrets;
import dev.ksefplatform.sync.webhook.domain.SealedSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with the JDK's provider (no library needed for one AEAD call), a fresh 96-bit nonce per secret, under
 * the configured key {@code sealingKeyId}; any configured key opens what it sealed, so a new key can be added and made
 * current while older rows still open. The associated data binds the ciphertext to its webhook, tenant and key id:
 * sealed bytes copied to another row, another tenant or relabelled to another key do not open.
 */
public final class AesGcmSigningSecrets implements SigningSecrets {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys = new TreeMap<>();
    private final String sealingKeyId;
    private final SecureRandom random;

    /** @param keys key id → Base64 of 32 random bytes; {@code sealingKeyId} names the one new secrets are sealed under */
    public AesGcmSigningSecrets(Map<String, String> keys, String sealingKeyId, SecureRandom random) {
        (keys == null ? Map.<String, String>of() : keys).forEach((id, base64) -> this.keys.put(id, key(id, base64)));
        if (sealingKeyId == null || !this.keys.containsKey(sealingKeyId)) {
            throw new IllegalStateException("sync.webhooks.secrets.current must name one of the configured keys "
                    + this.keys.keySet());
        }
        this.sealingKeyId = sealingKeyId;
        this.random = random;
    }

    @Override
    public SealedSecret seal(String webhookId, String tenantId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, sealingKeyId, nonce, webhookId, tenantId,
                secret.getBytes(StandardCharsets.UTF_8));
        return new SealedSecret(sealingKeyId, ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce)
                .put(ciphertext).array());
    }

    @Override
    public String open(String webhookId, String tenantId, SealedSecret sealed) {
        if (!keys.containsKey(sealed.keyId()) || sealed.sealed().length <= NONCE_BYTES) {
            throw new IllegalStateException("webhook " + webhookId + ": no key " + sealed.keyId() + " to open its secret");
        }
        byte[] nonce = Arrays.copyOf(sealed.sealed(), NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(sealed.sealed(), NONCE_BYTES, sealed.sealed().length);
        byte[] secret = run(Cipher.DECRYPT_MODE, sealed.keyId(), nonce, webhookId, tenantId, ciphertext);
        return new String(secret, StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, String keyId, byte[] nonce, String webhookId, String tenantId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(("sync.webhooks\u0000" + webhookId + "\u0000" + tenantId + "\u0000" + keyId)
                    .getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("webhook " + webhookId + ": its signing secret does not open under key "
                    + keyId, e);
        }
    }

    private static SecretKeySpec key(String id, String base64) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException("webhook secret key id must be 1-64 of [A-Za-z0-9_-]: " + id);
        }
        byte[] key = base64 == null ? new byte[0] : Base64.getDecoder().decode(base64.strip());
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("webhook secret key " + id + " must be " + KEY_BYTES + " bytes, Base64");
        }
        return new SecretKeySpec(key, "AES");
    }
}
