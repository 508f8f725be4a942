package dev.ksefplatform.ksef.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateBudgetsTest {

    private final MutableClock clock = new MutableClock(10_000_000);
    private final RateBudgets budgets = new RateBudgets(clock, Duration.ZERO);

    @Test
    void theHourlyOnlineSessionLimitBlocksTheHundredAndTwentyFirstCallUntilTheFirstLeavesTheWindow() {
        for (int i = 0; i < 120; i++) {
            assertThat(budgets.tryAcquire("ctx", LimitGroup.ONLINE_SESSION, 1).granted()).isTrue();
            clock.advance(2_001); // under 30/min and 10/s
        }

        RateBudgets.Decision refused = budgets.tryAcquire("ctx", LimitGroup.ONLINE_SESSION, 1);

        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAt().toEpochMilli()).isEqualTo(10_000_000 + 3_600_000 + 1);
    }

    @Test
    void aCallCountsFromItsAnswerSoAWindowNeverEndsBeforeKsefsDoes() {
        RateBudgets.Decision first = budgets.tryAcquire("ctx", LimitGroup.INVOICE_SEND, 1);
        for (int i = 1; i < 10; i++) {
            budgets.tryAcquire("ctx", LimitGroup.INVOICE_SEND, 1);
        }
        clock.advance(700); // the ten sends were slow on their way: KSeF may have counted them up to now
        budgets.answered("ctx", LimitGroup.INVOICE_SEND, null, first);
        clock.advance(301); // a second after they were taken, but not after KSeF counted them

        RateBudgets.Decision refused = budgets.tryAcquire("ctx", LimitGroup.INVOICE_SEND, 1);

        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAt().toEpochMilli()).isEqualTo(10_000_000 + 700 + 1_000 + 1);
    }

    @Test
    void answeringMovesOnlyTheCallsTakenSinceNotEarlierOnes() {
        budgets.tryAcquire("ctx", LimitGroup.INVOICE_SEND, 5);
        clock.advance(500);
        RateBudgets.Decision later = budgets.tryAcquire("ctx", LimitGroup.INVOICE_SEND, 5);
        clock.advance(100);
        budgets.answered("ctx", LimitGroup.INVOICE_SEND, null, later);
        clock.advance(401); // the first five left the window, the last five count from their answer

        assertThat(budgets.remaining("ctx", LimitGroup.INVOICE_SEND).second()).isEqualTo(5);
    }

    @Test
    void callsMadeOneAfterAnotherEachCountFromTheirOwnAnswer() {
        for (int i = 0; i < 10; i++) {
            RateBudgets.Decision grant = budgets.tryAcquire("ctx", LimitGroup.INVOICE_SEND, 1);
            clock.advance(60); // the next call is granted in the same millisecond as this one's answer
            budgets.answered("ctx", LimitGroup.INVOICE_SEND, null, grant);
        }

        RateBudgets.Decision refused = budgets.tryAcquire("ctx", LimitGroup.INVOICE_SEND, 1);

        // the first call counts from its answer 60 ms in, not from the last call's answer 600 ms in
        assertThat(refused.retryAt().toEpochMilli()).isEqualTo(10_000_000 + 60 + 1_000 + 1);
    }

    @Test
    void contextsAndGroupsHaveTheirOwnBudgets() {
        for (int i = 0; i < 10; i++) {
            budgets.tryAcquire("a", LimitGroup.INVOICE_SEND, 1);
        }

        assertThat(budgets.tryAcquire("a", LimitGroup.INVOICE_SEND, 1).granted()).isFalse();
        assertThat(budgets.tryAcquire("b", LimitGroup.INVOICE_SEND, 1).granted()).isTrue();
        assertThat(budgets.tryAcquire("a", LimitGroup.INVOICE_STATUS, 1).granted()).isTrue();
    }

    @Test
    void otherEndpointsCountSeparately() {
        for (int i = 0; i < 10; i++) {
            budgets.tryAcquire("a", LimitGroup.OTHER, "GET /rate-limits", 1);
        }

        assertThat(budgets.tryAcquire("a", LimitGroup.OTHER, "GET /rate-limits", 1).granted()).isFalse();
        assertThat(budgets.tryAcquire("a", LimitGroup.OTHER, "GET /tokens/{ref}", 1).granted()).isTrue();
    }

    @Test
    void aRateLimitedAnswerBlocksForItsRetryAfterAndShrinksTheBudget() {
        budgets.rateLimited("a", LimitGroup.INVOICE_SEND, null, Duration.ofSeconds(30));

        assertThat(budgets.tryAcquire("a", LimitGroup.INVOICE_SEND, 1).retryAt().toEpochMilli())
                .isEqualTo(10_000_000 + 30_000);
        clock.advance(30_000);
        Remaining remaining = budgets.remaining("a").get(LimitGroup.INVOICE_SEND);
        assertThat(remaining.limit()).isEqualTo(new Limit(7, 22, 135));
        assertThat(remaining.blockedMillis()).isZero();
    }

    @Test
    void seededLimitsReplaceTheOfficialDefaults() {
        budgets.seed("a", Map.of(LimitGroup.INVOICE_SEND, new Limit(1_000, 10_000, 100_000)));

        for (int i = 0; i < 500; i++) {
            assertThat(budgets.tryAcquire("a", LimitGroup.INVOICE_SEND, 1).granted()).isTrue();
        }
        assertThat(budgets.remaining("a").get(LimitGroup.INVOICE_SEND).second()).isEqualTo(500);
    }

    @Test
    void idleContextsAreForgotten() {
        budgets.tryAcquire("a", LimitGroup.INVOICE_SEND, 1);
        clock.advance(3_600_001 + 60_000);

        budgets.evictIdle(Duration.ofMinutes(1));

        assertThat(budgets.remaining("a")).isEmpty();
    }
}
