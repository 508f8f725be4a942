package dev.ksefplatform.simulator.tokens;

import java.time.Instant;
import java.util.List;

/**
 * A KSeF token generated in a NIP context; the secret is the whole token string.
 *
 * @param authorType  who generated it: {@code Nip}, {@code Pesel} or {@code Fingerprint}
 */
public record KsefToken(String referenceNumber, String secret, String contextNip, List<String> permissions,
                        String description, Instant dateCreated, String status, String authorType,
                        String authorValue) {

    public boolean active() {
        return "Active".equals(status);
    }

    public KsefToken withStatus(String newStatus) {
        return new KsefToken(referenceNumber, secret, contextNip, permissions, description, dateCreated, newStatus,
                authorType, authorValue);
    }
}
