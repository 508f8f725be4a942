package dev.ksefplatform.sync.schedule.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a tenant's sync of a subject type is due: none runs (or the running one is older than the timeout), and
 * the tenant's first slot after the latest of (when its integration became active, when its last sync was issued,
 * when that sync finished) has come. So a sync never starts while one runs, a long sync is not followed by an
 * immediate catch-up, and a re-enabled integration waits for its next slot.
 */
public final class SyncDue {

    private SyncDue() {
    }

    public static boolean isDue(Instant now, Instant activeSince, Optional<SyncRun> run, SubjectSchedule schedule,
                                Duration runningTimeout, String tenantId) {
        if (run.isPresent() && run.get().isRunning(now, runningTimeout)) {
            return false;
        }
        return !now.isBefore(nextSync(activeSince, run, schedule, tenantId));
    }

    /** The moment the next scheduled sync falls due (it waits longer while one runs). */
    public static Instant nextSync(Instant activeSince, Optional<SyncRun> run, SubjectSchedule schedule,
                                   String tenantId) {
        Instant reference = Stream.of(Optional.ofNullable(activeSince), run.map(SyncRun::lastIssuedAt),
                        run.map(SyncRun::lastFinishedAt)).flatMap(Optional::stream)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        return SyncSlots.nextAfter(reference, tenantId, schedule);
    }
}
