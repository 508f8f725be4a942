package dev.ksefplatform.sync.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncDueTest {

    private static final SubjectSchedule SCHEDULE = SubjectSchedule.every("Subject2", Duration.ofMinutes(15));
    private static final Duration TIMEOUT = Duration.ofHours(2);
    private static final String TENANT = "tenant-7";
    private static final Instant ACTIVE = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant SLOT = SyncSlots.nextAfter(ACTIVE, TENANT, SCHEDULE);

    @Test
    void newlyActiveIntegrationWaitsForItsSlot() {
        assertThat(due(SLOT.minusMillis(1), Optional.empty())).isFalse();
        assertThat(due(SLOT, Optional.empty())).isTrue();
    }

    @Test
    void runningSyncIsNeverJoinedByAnotherUntilItTimesOut() {
        SyncRun running = new SyncRun(TENANT, "Subject2", "cmd-1", SLOT, "cmd-1", "SCHEDULE", SLOT, null);

        assertThat(due(SLOT.plus(Duration.ofMinutes(45)), Optional.of(running))).isFalse();
        assertThat(due(SLOT.plus(TIMEOUT), Optional.of(running))).isTrue();
    }

    @Test
    void finishedSyncIsFollowedAtTheNextSlotAfterItsEndNotAtOnce() {
        Instant finished = SLOT.plus(Duration.ofMinutes(20));
        SyncRun done = new SyncRun(TENANT, "Subject2", null, null, "cmd-1", "SCHEDULE", SLOT, finished);

        assertThat(due(finished.plusSeconds(1), Optional.of(done))).isFalse();
        assertThat(due(SLOT.plus(Duration.ofMinutes(30)), Optional.of(done))).isTrue();
    }

    @Test
    void nextSyncIsTheSlotAfterTheLatestOfActivationIssueAndFinish() {
        SyncRun done = new SyncRun(TENANT, "Subject2", null, null, "cmd-1", "SCHEDULE", SLOT, SLOT.plusSeconds(30));

        assertThat(SyncDue.nextSync(ACTIVE, Optional.of(done), SCHEDULE, TENANT)).isEqualTo(SLOT.plus(Duration.ofMinutes(15)));
    }

    private static boolean due(Instant now, Optional<SyncRun> run) {
        return SyncDue.isDue(now, ACTIVE, run, SCHEDULE, TIMEOUT, TENANT);
    }
}
