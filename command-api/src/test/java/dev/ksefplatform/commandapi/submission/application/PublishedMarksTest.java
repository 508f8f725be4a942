package dev.ksefplatform.commandapi.submission.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
            marks.add("a");
            marks.add("b");

            await().atMost(Duration.ofSeconds(5)).until(() -> !commands.batches.isEmpty());
            assertThat(commands.batches).containsExactly(List.of("a", "b"));
        }
    }

    @Test
    void marksAddedAfterAFlushAreMarkedByTheNextOne() {
        MarksRecorder commands = new MarksRecorder();
        try (PublishedMarks marks = new PublishedMarks(commands, Clock.systemUTC(), Duration.ofMillis(20), 100)) {
            marks.add("a");
            await().atMost(Duration.ofSeconds(5)).until(() -> commands.batches.size() == 1);
            marks.add("b");

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

        marks.add("a");
        marks.close();

        assertThat(commands.batches).containsExactly(List.of("a"));
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
