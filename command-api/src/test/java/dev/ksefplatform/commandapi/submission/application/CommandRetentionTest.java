package dev.ksefplatform.commandapi.submission.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class CommandRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void roundsGoOnWhileEachDeletesAFullBatchAndTheTotalIsReported() {
        Log log = new Log(250);

        long deleted = new CommandRetention(log, Duration.ofDays(35), 100, Clock.fixed(NOW, ZoneOffset.UTC))
                .drain().block();

        assertThat(deleted).isEqualTo(250);
        assertThat(log.limits).containsExactly(100, 100, 100);
        assertThat(log.horizons).containsOnly(NOW.minus(Duration.ofDays(35)));
    }

    @Test
    void aRoundThatDeletesNothingEndsTheRun() {
        Log log = new Log(0);

        assertThat(new CommandRetention(log, Duration.ofDays(2), 100, Clock.fixed(NOW, ZoneOffset.UTC)).drain().block())
                .isZero();
        assertThat(log.limits).hasSize(1);
    }

    @Test
    void everySubscriptionReadsTheClockAgainAsSpringsSchedulerSubscribesOneMonoAtEveryRun() {
        Log log = new Log(0);
        MutableClock clock = new MutableClock(NOW);
        Mono<Long> run = new CommandRetention(log, Duration.ofDays(35), 100, clock).drain();

        run.block();
        clock.advance(Duration.ofHours(1));
        run.block();

        assertThat(log.horizons).containsExactly(NOW.minus(Duration.ofDays(35)),
                NOW.plus(Duration.ofHours(1)).minus(Duration.ofDays(35)));
    }

    /** A log holding {@code prunable} old rows. */
    private static final class Log extends UnusedCommandLog {

        private int prunable;
        private final List<Integer> limits = new ArrayList<>();
        private final List<Instant> horizons = new ArrayList<>();

        Log(int prunable) {
            this.prunable = prunable;
        }

        @Override
        public Mono<Long> prune(Instant before, int limit) {
            limits.add(limit);
            horizons.add(before);
            int deleted = Math.min(limit, prunable);
            prunable -= deleted;
            return Mono.just((long) deleted);
        }
    }
}
