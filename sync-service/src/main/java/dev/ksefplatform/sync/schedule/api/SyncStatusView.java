package dev.ksefplatform.sync.schedule.api;

import dev.ksefplatform.sync.schedule.application.SyncStatusQueries.SyncStatus;
import java.time.Instant;

/** The inbox sync state of one subject type; {@code lagSeconds} = now − high-water mark. */
public record SyncStatusView(String subjectType, Instant highWaterMark, Long lagSeconds, Instant lastSuccessAt,
                             Instant lastAttemptAt, int consecutiveFailures, String lastFailureReason,
                             String runningCommandId, Instant runningSince, boolean scheduled, Instant nextSyncAt) {

    static SyncStatusView of(SyncStatus s) {
        return new SyncStatusView(s.subjectType(), s.highWaterMark(), s.lag() == null ? null : s.lag().toSeconds(),
                s.lastSuccessAt(), s.lastAttemptAt(), s.consecutiveFailures(), s.lastFailureReason(),
                s.runningCommandId(), s.runningSince(), s.scheduled(), s.nextSyncAt());
    }
}
