package dev.ksefplatform.ksef.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Where the next incremental sync window of one subject type starts, and the KSeF numbers already received at exactly
 * that instant (windows are adjacent and inclusive, so those invoices come again and are skipped).
 */
public record SyncCheckpoint(Instant from, Set<String> receivedAtFrom) {

    public SyncCheckpoint {
        Objects.requireNonNull(from, "from");
        receivedAtFrom = receivedAtFrom == null ? Set.of() : Set.copyOf(receivedAtFrom);
    }

    public static SyncCheckpoint startingAt(Instant from) {
        return new SyncCheckpoint(from, Set.of());
    }
}
