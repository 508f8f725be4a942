package dev.ksefplatform.simulator.receiving;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HWM of each running metadata query. KSeF keeps {@code permanentStorageHwmDate} "constant for all pages of the
 * same query, whatever the paging or sorting"; the simulator reads a query as the pages asked with the same context
 * and filters from {@code pageOffset=0} on: page 0 takes the current HWM, later pages (in either sort order) reuse
 * it for up to {@link #KEPT} after their last use, so the pages are one consistent snapshot even while invoices
 * keep arriving. Asking page 0 again starts a new query.
 */
final class QuerySnapshots {

    static final Duration KEPT = Duration.ofHours(1);
    private static final int CLEANUP_ABOVE = 1_000;

    private record Snapshot(Instant hwm, Instant lastUsed) {
    }

    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Clock clock;

    QuerySnapshots(Clock clock) {
        this.clock = clock;
    }

    /** The HWM of the query this page belongs to; {@code current} when the page starts a query. */
    Instant hwm(String contextNip, QueryFilters filters, int pageOffset, Instant current) {
        Instant now = clock.instant();
        String key = contextNip + '|' + filters;
        Snapshot snapshot = snapshots.compute(key, (k, kept) -> pageOffset == 0 || kept == null
                || kept.lastUsed().plus(KEPT).isBefore(now) ? new Snapshot(current, now) : new Snapshot(kept.hwm(), now));
        if (snapshots.size() > CLEANUP_ABOVE) {
            snapshots.values().removeIf(s -> s.lastUsed().plus(KEPT).isBefore(now));
        }
        return snapshot.hwm();
    }
}
