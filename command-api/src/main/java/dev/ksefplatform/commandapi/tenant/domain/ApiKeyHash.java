package dev.ksefplatform.commandapi.tenant.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of an API key, lower-case hex. A plain hash is enough (no salt, no slow KDF): the key
 * carries 256 random bits, so it cannot be guessed from its hash, and lookup stays one index probe.
 */
public record ApiKeyHash(String hex) {

    public static ApiKeyHash of(String presentedKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presentedKey.getBytes(StandardCharsets.UTF_8));
            return new ApiKeyHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
