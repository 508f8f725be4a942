package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.LanePolicy;
import dev.ksefplatform.worker.engine.domain.LaneSettings;
import java.time.Clock;

/** What every lane uses; shared by all lanes of an instance. */
public record LaneDeps(LaneStore store, Ksef ksef, KsefBudget budget, LeaseCache credentials, EventFactory events,
                       LaneSettings settings, LanePolicy policy, RetrySchedule retries, CrashPoints crashPoints,
                       PermissionRechecks rechecks, Clock clock) {
}
