package dev.ksefplatform.worker.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.worker.engine.domain.VerdictChoice.SessionAwaiting;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictChoiceTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final VerdictChoice choice = new VerdictChoice(LaneSettings.defaults());
    private final TestBudgets budgets = new TestBudgets(NOW);

    @Test
    void oneOrTwoAwaitedVerdictsAreAskedOneByOne() {
        assertThat(choice.listed(List.of(awaiting("S-1", 1, 5), awaiting("S-2", 2, 5)), budgets, NOW)).isEmpty();
    }

    @Test
    void severalAwaitedInOneSmallSessionAreReadFromItsList() {
        assertThat(choice.listed(List.of(awaiting("S-1", 3, 10)), budgets, NOW)).containsExactly("S-1");
    }

    @Test
    void aLongSessionIsListedOnlyWhenItsPagesCostLessThanTheStatusCalls() {
        // 2,500 invoices: 3 pages and 25 call's worth of entries read, against as many status calls as awaited
        assertThat(choice.listed(List.of(awaiting("S-1", 20, 2_500)), budgets, NOW)).isEmpty();
        assertThat(choice.listed(List.of(awaiting("S-1", 29, 2_500)), budgets, NOW)).containsExactly("S-1");
    }

    @Test
    void aSessionOfUnknownSizeIsAssumedFullSoItsVerdictsAreAskedOneByOne() {
        assertThat(choice.listed(List.of(awaiting("S-old", 20, 0)), budgets, NOW)).isEmpty();
    }

    @Test
    void nothingIsListedBeforeOneOfTheSessionsVerdictsIsDue() {
        SessionAwaiting notDue = new SessionAwaiting("S-1", 10, 10, NOW.plusMillis(1));

        assertThat(choice.listed(List.of(notDue), budgets, NOW)).isEmpty();
    }

    @Test
    void aSpentListBudgetFallsBackToStatusCalls() {
        budgets.blocked(KsefLimit.SESSION_INVOICE_LIST, NOW.plusSeconds(30));

        assertThat(choice.listed(List.of(awaiting("S-1", 10, 10)), budgets, NOW)).isEmpty();
    }

    @Test
    void theListBudgetKeepsAReserveForRecoveryAndDuplicateChecks() {
        // official limits 20 a minute, 200 an hour: a quarter of the minute and a tenth of the hour stay
        budgets.capacity(KsefLimit.SESSION_INVOICE_LIST, new Budgets.Capacity(5, 150, 20, 200));
        assertThat(choice.listed(List.of(awaiting("S-1", 10, 10)), budgets, NOW)).isEmpty();

        budgets.capacity(KsefLimit.SESSION_INVOICE_LIST, new Budgets.Capacity(6, 20, 20, 200));
        assertThat(choice.listed(List.of(awaiting("S-1", 10, 10)), budgets, NOW)).isEmpty();

        budgets.capacity(KsefLimit.SESSION_INVOICE_LIST, new Budgets.Capacity(6, 21, 20, 200));
        assertThat(choice.listed(List.of(awaiting("S-1", 10, 10)), budgets, NOW)).containsExactly("S-1");
    }

    @Test
    void withLimitsLiftedTheListIsAffordable() {
        // the simulator without limits reports 1,000,000 for every window, the minute's as large as the hour's
        budgets.capacity(KsefLimit.SESSION_INVOICE_LIST, new Budgets.Capacity(999_990, 999_990, 1_000_000, 1_000_000));

        assertThat(choice.listed(List.of(awaiting("S-1", 10, 10)), budgets, NOW)).containsExactly("S-1");
    }

    @Test
    void sessionsWithTheMostAwaitedComeFirstWhileTheBudgetLasts() {
        budgets.capacity(KsefLimit.SESSION_INVOICE_LIST, new Budgets.Capacity(7, 200, 20, 200));

        List<String> listed = choice.listed(List.of(awaiting("S-few", 4, 10), awaiting("S-many", 9, 10),
                awaiting("S-some", 6, 10)), budgets, NOW);

        assertThat(listed).containsExactly("S-many", "S-some");
    }

    @Test
    void aLaneCanTurnItOff() {
        LaneSettings d = LaneSettings.defaults();
        VerdictChoice off = new VerdictChoice(new LaneSettings(d.sendChunk(), d.pollChunk(), d.sessionIdle(),
                d.sessionMaxInvoices(), d.sessionExpiryMargin(), d.batchMinInvoices(), d.batchMaxInvoices(),
                d.batchHorizon(), d.batchAlwaysAbove(), Integer.MAX_VALUE, d.batchGather(), d.batchGatherMax()));

        assertThat(off.listed(List.of(awaiting("S-1", 20, 20)), budgets, NOW)).isEmpty();
    }

    private static SessionAwaiting awaiting(String session, int awaiting, int invoices) {
        return new SessionAwaiting(session, awaiting, invoices, NOW.minusMillis(1));
    }
}
