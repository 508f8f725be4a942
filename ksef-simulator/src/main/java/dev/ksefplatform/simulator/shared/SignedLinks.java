package dev.ksefplatform.simulator.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Pre-signed, expiring storage links (Azure-blob style): {@code ?sv=…&se=…&sr=b&sp=…&sig=…}, HMAC-SHA256. */
public final class SignedLinks {

    private final byte[] secret = new byte[32];
    private final Clock clock;

    public SignedLinks(Clock clock) {
        new SecureRandom().nextBytes(secret);
        this.clock = clock;
    }

    public record Link(String url, Instant expiresAt) {
    }

    /** {@code permission} is {@code r} (read) or {@code w} (write). */
    public Link link(String baseUrl, String path, String permission, Instant expiresAt) {
        long se = expiresAt.getEpochSecond();
        return new Link(baseUrl + path + "?sv=2025-01-05&se=" + se + "&sr=b&sp=" + permission + "&sig="
                + sign(path, permission, se), Instant.ofEpochSecond(se));
    }

    /** True when the signature is ours for this path and permission and has not expired. */
    public boolean valid(String path, String permission, long se, String sig) {
        return sig != null && clock.instant().getEpochSecond() <= se && MessageDigest.isEqual(
                sign(path, permission, se).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String path, String permission, long se) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal((path + "\n" + permission + "\n" + se).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE has HmacSHA256", e);
        }
    }
}
