package dev.ksefplatform.worker.engine.adapter.ksef;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.ksef.limits.RateBudgets;
import dev.ksefplatform.testsupport.MutableClock;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateBudgetsAdapterTest {

    private static final LaneKey LANE = new LaneKey("tenant-a", "TEST", "5265877635", 0);

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_800_000_000_000L));
    private final RateBudgets budgets = new RateBudgets(clock, Duration.ZERO);
    private final RateBudgetsAdapter adapter = new RateBudgetsAdapter(budgets,
            new BudgetSeeding(budgets, Duration.ofMinutes(10), clock), clock, new SimpleMeterRegistry());

    @Test
    void permitsTakenOnAThreadCountFromTheAnswerOfTheCallMadeOnIt() {
        takeTheSecondsTenSends();
        clock.advance(Duration.ofMillis(700)); // the sends were slow: KSeF may have counted them as late as now
        adapter.answered();
        clock.advance(Duration.ofMillis(301));

        assertThat(adapter.tryAcquire(LANE, KsefLimit.INVOICE_SEND, 1)).isFalse();
        clock.advance(Duration.ofMillis(700));
        assertThat(adapter.tryAcquire(LANE, KsefLimit.INVOICE_SEND, 1)).isTrue();
    }

    @Test
    void anAnswerOnAnotherThreadLeavesThisThreadsPermitsAsTheyWere() throws Exception {
        takeTheSecondsTenSends();
        clock.advance(Duration.ofMillis(700));
        Thread other = new Thread(adapter::answered);
        other.start();
        other.join();
        clock.advance(Duration.ofMillis(301));

        assertThat(adapter.tryAcquire(LANE, KsefLimit.INVOICE_SEND, 1)).isTrue();
    }

    private void takeTheSecondsTenSends() {
        for (int i = 0; i < 10; i++) {
            assertThat(adapter.tryAcquire(LANE, KsefLimit.INVOICE_SEND, 1)).isTrue();
        }
        assertThat(adapter.tryAcquire(LANE, KsefLimit.INVOICE_SEND, 1)).isFalse();
    }
}
