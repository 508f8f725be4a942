package dev.ksefplatform.simulator.upo;

import dev.ksefplatform.simulator.shared.Crypto;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A blob store with pre-signed, expiring read links (Azure-blob style), served without a bearer token. A blob may be
 * rendered on read: an invoice UPO is a pure function of the invoice, so only the recipe stays in heap.
 */
public final class UpoStorage {

    public static final String PATH = "/storage/upo/";

    private final byte[] secret;
    private final Duration linkTtl;
    private final Clock clock;
    private final Map<String, Supplier<byte[]>> blobs = new ConcurrentHashMap<>();

    public UpoStorage(byte[] secret, Duration linkTtl, Clock clock) {
        this.secret = secret.clone();
        this.linkTtl = linkTtl;
        this.clock = clock;
    }

    public record Link(String url, Instant expiresAt) {
    }

    public void put(String name, byte[] content) {
        byte[] kept = content.clone();
        blobs.put(name, () -> kept);
    }

    /** {@code render} must give the same bytes on every call (the hash header and the UPO's own hash rely on it). */
    public void put(String name, Supplier<byte[]> render) {
        blobs.put(name, render);
    }

    public boolean contains(String name) {
        return blobs.containsKey(name);
    }

    /** A fresh link on every call, as KSeF regenerates them on every status read. */
    public Link link(String baseUrl, String name) {
        Instant expiresAt = clock.instant().plus(linkTtl);
        long se = expiresAt.getEpochSecond();
        return new Link(baseUrl + PATH + name + "?sv=2025-01-05&se=" + se + "&sr=b&sp=r&sig=" + sign(name, se),
                Instant.ofEpochSecond(se));
    }

    /** The blob when the signature is ours and has not expired. */
    public Optional<byte[]> read(String name, long se, String sig) {
        boolean valid = sig != null && MessageDigest.isEqual(sign(name, se).getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII));
        if (!valid || clock.instant().getEpochSecond() > se) {
            return Optional.empty();
        }
        return Optional.ofNullable(blobs.get(name)).map(Supplier::get).map(byte[]::clone);
    }

    public Optional<byte[]> get(String name) {
        return Optional.ofNullable(blobs.get(name)).map(Supplier::get).map(byte[]::clone);
    }

    public static String hash(byte[] content) {
        return Crypto.sha256Base64(content);
    }

    private String sign(String name, long se) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal((name + "\n" + se).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE has HmacSHA256", e);
        }
    }
}
