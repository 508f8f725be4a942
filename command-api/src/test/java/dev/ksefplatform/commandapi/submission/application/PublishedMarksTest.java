package dev.ksefplatform.commandapi.submission.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ksefplatform.schemas.logging.LogScope;
import dev.ksefplatform.testsupport.CapturedLogs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PublishedMarksTest {

    @Test
    void marksWhatWasAddedInOneBatchAfterTheFlushInterval() {
        MarksRecorder commands = new MarksRecorder();
        try (PublishedMarks marks = new PublishedMarks(commands, Clock.systemUTC(), Duration.ofMillis(50), 100)) {
            marks.add(published("a"));
            marks.add(published("b"));

            await().atMost(Duration.ofSeconds(5)).until(() -> !commands.batches.isEmpty());
            assertThat(commands.batches).containsExactly(List.of("a", "b"));
        }
    }

    @Test
    void marksAddedAfterAFlushAreMarkedByTheNextOne() {
        MarksRecorder commands = new MarksRecorder();
        try (PublishedMarks marks = new PublishedMarks(commands, Clock.systemUTC(), Duration.ofMillis(20), 100)) {
            marks.add(published("a"));
            await().atMost(Duration.ofSeconds(5)).until(() -> commands.batches.size() == 1);
            marks.add(published("b"));

            await().atMost(Duration.ofSeconds(5)).until(() -> commands.batches.size() == 2);
            assertThat(commands.batches).containsExactly(List.of("a"), List.of("b"));
        }
    }

    /** Nothing pending, no statement: an idle gateway does not wake every flush interval to find nothing. */
    @Test
    void closingMarksWhatIsPendingAndAnIdleOneNeverCallsTheDatabase() throws InterruptedException {
        MarksRecorder commands = new MarksRecorder();
        PublishedMarks marks = new PublishedMarks(commands, Clock.systemUTC(), Duration.ofSeconds(60), 100);
        Thread.sleep(50);
        assertThat(commands.calls).isZero();

        marks.add(published("a"));
        marks.close();

        assertThat(commands.batches).containsExactly(List.of("a"));
    }

    /** The line names the command at the flush, on the flush's thread, not when the producer's I/O thread adds it. */
    @Test
    void logsEachCommandsPublishedLineWithItsIdsWhenItFlushes() {
        MarksRecorder commands = new MarksRecorder();
        try (CapturedLogs logs = CapturedLogs.attach();
             PublishedMarks marks = new PublishedMarks(commands, Clock.systemUTC(), Duration.ofHours(1), 100)) {
            marks.add(new PublishedMarks.Published("tenant-1", "command-1", "FV/1"));
            assertThat(published(logs)).isEmpty();

            marks.flush().block(Duration.ofSeconds(5));

            assertThat(published(logs)).singleElement().satisfies(line -> {
                assertThat(line.message()).isEqualTo("command published tenantId=tenant-1 commandId=command-1"
                        + " invoiceNumber=FV/1");
                assertThat(line.mdc()).containsEntry(LogScope.TENANT, "tenant-1").containsEntry(LogScope.COMMAND, "command-1");
            });
            assertThat(commands.batches).containsExactly(List.of("command-1"));
        }
    }

    private static List<CapturedLogs.Entry> published(CapturedLogs logs) {
        return logs.entries().stream().filter(line -> line.message().startsWith("command published")).toList();
    }

    private static PublishedMarks.Published published(String commandId) {
        return new PublishedMarks.Published("tenant", commandId, "FV/" + commandId);
    }

    private static final class MarksRecorder extends UnusedCommandLog {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        volatile int calls;

        @Override
        public Mono<Void> markPublished(Collection<String> commandIds, Instant publishedAt) {
            return Mono.fromRunnable(() -> {
                calls++;
                batches.add(List.copyOf(commandIds));
            });
        }
    }
}
