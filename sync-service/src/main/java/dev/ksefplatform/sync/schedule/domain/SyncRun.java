package dev.ksefplatform.sync.schedule.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The scheduler's record of one tenant's syncs of one subject type: the sync running now (its SyncInbox command
 * id, null when none runs), and when the last one was issued and finished.
 */
public record SyncRun(String tenantId, String subjectType, String runningCommandId, Instant runningSince,
                      String lastCommandId, String lastTrigger, Instant lastIssuedAt, Instant lastFinishedAt) {

    /** Whether a sync runs now: issued, not finished, and not older than {@code timeout} (after which it is presumed lost). */
    public boolean isRunning(Instant now, Duration timeout) {
        return runningCommandId != null && now.isBefore(runningSince.plus(timeout));
    }
}
