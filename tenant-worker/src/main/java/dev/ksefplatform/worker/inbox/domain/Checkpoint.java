package dev.ksefplatform.worker.inbox.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Where the next export window of one (context, subject type) starts, and the KSeF numbers already received at
 * exactly that instant (windows are adjacent and inclusive: those come again and are skipped, never re-emitted).
 */
public record Checkpoint(Instant from, Set<String> receivedAtFrom) {

    public Checkpoint {
        Objects.requireNonNull(from, "from");
        receivedAtFrom = Set.copyOf(receivedAtFrom);
    }

    /** The worker's own checkpoint, unless the scheduler knows a later high-water mark (then that one). */
    public static Checkpoint start(Checkpoint stored, Instant fromHighWaterMark, Instant lookBackStart) {
        if (stored != null && (fromHighWaterMark == null || !stored.from().isBefore(fromHighWaterMark))) {
            return stored;
        }
        return new Checkpoint(fromHighWaterMark != null ? fromHighWaterMark : lookBackStart, Set.of());
    }
}
