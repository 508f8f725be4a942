package dev.ksefplatform.worker.submission.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.worker.submission.domain.CommandRef;
import dev.ksefplatform.worker.submission.domain.SubmissionOutcome;
import dev.ksefplatform.worker.submission.domain.WorkerEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedCommandsTest {

    private static final CommandRef COMMAND = new CommandRef("cmd-1", "tenant-1", null);

    private final List<WorkerEvent> published = new ArrayList<>();
    private final FailedCommands failed = new FailedCommands(published::addAll,
            new EventFactory(() -> "event-1", Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC)));

    @Test
    void throttledAttemptIsRecordedAsRateLimitedWithKsefsWait() {
        failed.attemptFailed(COMMAND, "5265877635",
                new TransientFailure("rate limit", Duration.ofSeconds(30), 429, null), 1, true);

        assertThat(published).singleElement().extracting(WorkerEvent::payload)
                .isEqualTo(new WorkerEvent.RateLimited(30));
    }

    @Test
    void otherTransientAttemptIsRecordedAsCallFailedSayingWhetherItWillBeRetried() {
        failed.attemptFailed(COMMAND, "5265877635", new TransientFailure("HTTP 503", null, 503, null), 5, false);

        assertThat(published).singleElement().extracting(WorkerEvent::payload)
                .isEqualTo(new WorkerEvent.CallFailed(503, "HTTP 503", false, 5));
    }

    @Test
    void exhaustedSubmissionIsAbandonedUnderItsCommandsIds() {
        failed.abandoned(COMMAND, "5265877635", "FV/1", "retries exhausted: HTTP 503", 5, 503);

        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.payload()).isEqualTo(new SubmissionOutcome.Abandoned("retries exhausted: HTTP 503", 5, "FV/1"));
            assertThat(e.cause()).isEqualTo(COMMAND);
            assertThat(e.audit().httpStatus()).isEqualTo(503);
        });
    }

    @Test
    void deadLetteredCommandNamesWhereItCameFrom() {
        failed.deadLettered(COMMAND, "SyncInbox is not supported yet", "ksef.commands.v1", 3, 42L);

        assertThat(published).singleElement().extracting(WorkerEvent::payload).isEqualTo(
                new WorkerEvent.CommandDeadLettered("SyncInbox is not supported yet", "ksef.commands.v1", 3, 42L));
    }
}
