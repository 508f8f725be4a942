package dev.ksefplatform.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.ksef.limits.LimitGroup;
import dev.ksefplatform.ksef.limits.RateBudgets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TightestBudgetsTest {

    private final RateBudgets budgets = new RateBudgets(Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC),
            Duration.ZERO);

    @Test
    void labelsAtMostTheCapOfTenThousandActiveContextsAndTheTightestAmongThem() {
        IntStream.range(0, 10_000).forEach(i -> budgets.tryAcquire(context(i), LimitGroup.INVOICE_SEND, 1));
        budgets.tryAcquire(context(9_999), LimitGroup.INVOICE_SEND, 5);
        budgets.tryAcquire(context(7_777), LimitGroup.INVOICE_SEND, 3);

        var labelled = TightestBudgets.of(budgets, 500);

        assertThat(labelled).hasSize(500).startsWith(context(9_999), context(7_777)).doesNotHaveDuplicates();
    }

    @Test
    void labelsEveryContextWhenFewerAreActiveThanTheCap() {
        budgets.tryAcquire(context(1), LimitGroup.INVOICE_SEND, 1);
        budgets.tryAcquire(context(2), LimitGroup.ONLINE_SESSION, 1);

        assertThat(TightestBudgets.of(budgets, 500)).containsExactlyInAnyOrder(context(1), context(2));
    }

    private static String context(int i) {
        return "TEST/" + String.format("%010d", i);
    }
}
