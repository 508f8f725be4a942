package dev.ksefplatform.ksef.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the pattern of calls, no sliding window of KSeF's ever sees more calls than its limit. */
class RateBudgetsPropertiesTest {

    private static final Limit LIMIT = new Limit(10, 30, 120);

    @Property(tries = 200)
    void grantedCallsNeverExceedAnySlidingWindow(@ForAll @Size(min = 1, max = 600) List<@IntRange(min = 0, max = 4_000) Integer> gaps,
                                                 @ForAll @IntRange(min = 1, max = 3) int permits) {
        MutableClock clock = new MutableClock(1_000_000);
        RateBudgets budgets = new RateBudgets(clock, Duration.ZERO);
        budgets.seed("ctx", java.util.Map.of(LimitGroup.ONLINE_SESSION, LIMIT));
        List<Long> granted = new ArrayList<>();
        for (int gap : gaps) {
            clock.advance(gap);
            if (budgets.tryAcquire("ctx", LimitGroup.ONLINE_SESSION, permits).granted()) {
                for (int i = 0; i < permits; i++) {
                    granted.add(clock.millis());
                }
            }
        }
        assertWithinEveryWindow(granted, 1_000, LIMIT.perSecond());
        assertWithinEveryWindow(granted, 60_000, LIMIT.perMinute());
        assertWithinEveryWindow(granted, 3_600_000, LIMIT.perHour());
    }

    @Property(tries = 100)
    void aCallerThatWaitsAsToldIsGrantedThen(@ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 500) Integer> gaps) {
        MutableClock clock = new MutableClock(5_000_000);
        RateBudgets budgets = new RateBudgets(clock, Duration.ofMillis(50));
        for (int gap : gaps) {
            clock.advance(gap);
            RateBudgets.Decision decision = budgets.tryAcquire("ctx", LimitGroup.INVOICE_SEND, 1);
            if (!decision.granted()) {
                clock.advance(decision.retryAt().toEpochMilli() - clock.millis());
                assertThat(budgets.tryAcquire("ctx", LimitGroup.INVOICE_SEND, 1).granted()).isTrue();
            }
        }
    }

    private static void assertWithinEveryWindow(List<Long> times, long window, int limit) {
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= window) {
                start++;
            }
            assertThat(end - start + 1).as("calls in a %d ms window ending at %d", window, times.get(end))
                    .isLessThanOrEqualTo(limit);
        }
    }
}
