package dev.ksefplatform.ksef.client.crypto;

import java.security.PublicKey;
import java.time.Instant;
import java.util.Set;

/** One Ministry of Finance public key from {@code GET /security/public-key-certificates}. */
public record MfPublicKey(String publicKeyId, PublicKey key, Instant validFrom, Instant validTo, Set<String> usage) {

    public MfPublicKey {
        usage = Set.copyOf(usage);
    }

    public boolean usableFor(KeyUsage wanted, Instant now) {
        return usage.contains(wanted.name()) && !now.isBefore(validFrom) && now.isBefore(validTo);
    }
}
