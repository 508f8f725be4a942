package dev.ksefplatform.worker.engine.adapter.ksef;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.ksef.limits.RateBudgets;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateBudgetsAdapterTest {

    private static final LaneKey LANE = new LaneKey("tenant-a", "TEST", "5265877635", 0);

    private final MovingClock clock = new MovingClock();
    private final RateBudgets budgets = new RateBudgets(clock, Duration.ZERO);
    private final RateBudgetsAdapter adapter = new RateBudgetsAdapter(budgets,
            new BudgetSeeding(budgets, Duration.ofMinutes(10), clock), clock, new SimpleMeterRegistry());

    @Test
    void permitsTakenOnAThreadCountFromTheAnswerOfTheCallMadeOnIt() {
        takeTheSecondsTenSends();
        clock.millis += 700; // the sends were slow: KSeF may have counted them as late as now
        adapter.answered();
        clock.millis += 301;

        assertThat(adapter.tryAcquire(LANE, KsefLimit.INVOICE_SEND, 1)).isFalse();
        clock.millis += 700;
        assertThat(adapter.tryAcquire(LANE, KsefLimit.INVOICE_SEND, 1)).isTrue();
    }

    @Test
    void anAnswerOnAnotherThreadLeavesThisThreadsPermitsAsTheyWere() throws Exception {
        takeTheSecondsTenSends();
        clock.millis += 700;
        Thread other = new Thread(adapter::answered);
        other.start();
        other.join();
        clock.millis += 301;

        assertThat(adapter.tryAcquire(LANE, KsefLimit.INVOICE_SEND, 1)).isTrue();
    }

    private void takeTheSecondsTenSends() {
        for (int i = 0; i < 10; i++) {
            assertThat(adapter.tryAcquire(LANE, KsefLimit.INVOICE_SEND, 1)).isTrue();
        }
        assertThat(adapter.tryAcquire(LANE, KsefLimit.INVOICE_SEND, 1)).isFalse();
    }

    private static final class MovingClock extends Clock {
        volatile long millis = 1_800_000_000_000L;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
