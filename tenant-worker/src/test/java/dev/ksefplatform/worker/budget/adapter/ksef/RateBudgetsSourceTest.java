package dev.ksefplatform.worker.budget.adapter.ksef;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.ksef.limits.LimitGroup;
import dev.ksefplatform.ksef.limits.RateBudgets;
import dev.ksefplatform.worker.budget.domain.ContextBudget;
import dev.ksefplatform.worker.budget.domain.GroupBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateBudgetsSourceTest {

    private static final Instant NOW = Instant.parse("2026-12-03T13:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RateBudgets budgets = new RateBudgets(clock, Duration.ZERO);
    private final RateBudgetsSource source = new RateBudgetsSource(budgets, clock);

    @Test
    void showsTheCallsLeftPerWindowAndNothingToWaitForWhileTheBudgetAllows() {
        budgets.tryAcquire("TEST/5265877635", LimitGroup.INVOICE_SEND, 3);

        ContextBudget budget = source.current().get(0);

        assertThat(budget.environment()).isEqualTo("TEST");
        assertThat(budget.nip()).isEqualTo("5265877635");
        assertThat(budget.groups()).containsExactly(new GroupBudget("invoiceSend", 10, 30, 180, 7, 27, 177, null, null));
    }

    @Test
    void aSpentWindowSaysWhenTheNextCallMayGoAndA429SaysUntilWhenKsefBlocks() {
        budgets.tryAcquire("TEST/5265877635", LimitGroup.BATCH_SESSION, 10);
        budgets.tryAcquire("TEST/1111111111", LimitGroup.INVOICE_SEND, 1);
        budgets.rateLimited("TEST/1111111111", LimitGroup.INVOICE_SEND, null, Duration.ofSeconds(90));

        GroupBudget spent = groupOf("5265877635");
        GroupBudget blocked = groupOf("1111111111");

        assertThat(spent.leftSecond()).isZero();
        assertThat(spent.availableAt()).as("the window moves, rounded up to the second").isBetween(NOW.plusSeconds(1), NOW.plusSeconds(2));
        assertThat(spent.blockedUntil()).isNull();
        assertThat(blocked.blockedUntil()).isEqualTo(NOW.plusSeconds(90));
        assertThat(blocked.availableAt()).isEqualTo(NOW.plusSeconds(90));
        assertThat(blocked.perHour()).as("shrunk after the 429").isLessThan(180);
    }

    @Test
    void aGroupWithCallsLeftHasNothingToWaitForWhileTheClockMoves() {
        Clock ticking = new Ticking();
        RateBudgets moving = new RateBudgets(ticking, Duration.ZERO);
        moving.tryAcquire("TEST/5265877635", LimitGroup.INVOICE_EXPORT, 1);

        GroupBudget export = new RateBudgetsSource(moving, ticking).current().get(0).groups().get(0);

        assertThat(export.leftMinute()).isEqualTo(15);
        assertThat(export.availableAt()).as("a call may go now").isNull();
    }

    @Test
    void leavesOutThePerIpAuthGroupAndKeysThatNameNoContext() {
        budgets.tryAcquire("TEST/5265877635", LimitGroup.AUTH, 1);
        budgets.tryAcquire("auth-only", LimitGroup.INVOICE_SEND, 1);

        assertThat(source.current()).isEmpty();
    }

    private GroupBudget groupOf(String nip) {
        return source.current().stream().filter(b -> b.nip().equals(nip)).findFirst().orElseThrow().groups().get(0);
    }

    /** A clock one millisecond later at every reading, as the real one is between two readings. */
    private static final class Ticking extends Clock {
        private long millis = NOW.toEpochMilli();

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis++);
        }
    }
}
