package dev.ksefplatform.worker.engine.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanePolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final LanePolicy policy = new LanePolicy(LaneSettings.defaults());
    private final TestBudgets budgets = new TestBudgets(NOW, new Budgets.Capacity(30, 180, 30, 180));

    @Test
    void opensASessionForTheFirstQueuedInvoice() {
        assertThat(policy.next(lane(1), budgets, NOW)).isEqualTo(new Step.OpenOnline());
    }

    @Test
    void sendsIntoTheOpenSessionInChunks() {
        assertThat(policy.next(withSession(lane(25)), budgets, NOW)).isEqualTo(new Step.SendOnline(10));
    }

    @Test
    void sleepsUntilTheBudgetAllowsWhenTheSendLimitIsSpent() {
        budgets.blocked(KsefLimit.INVOICE_SEND, NOW.plusSeconds(40));

        Step step = policy.next(withSession(lane(3)), budgets, NOW);

        assertThat(step).isEqualTo(new Step.Sleep(NOW.plusSeconds(40), KsefLimit.INVOICE_SEND));
    }

    @Test
    void aBacklogTheOnlineBudgetCannotCarrySoonGoesAsABatch() {
        budgets.capacity(KsefLimit.INVOICE_SEND, new Budgets.Capacity(30, 180, 30, 180));

        assertThat(policy.next(withSession(lane(300)), budgets, NOW)).isEqualTo(new Step.StartBatch(300));
    }

    @Test
    void aBacklogTheMinuteWindowCanSendStaysOnline() {
        budgets.capacity(KsefLimit.INVOICE_SEND, new Budgets.Capacity(30, 180, 30, 180));

        assertThat(policy.next(withSession(lane(30)), budgets, NOW)).isEqualTo(new Step.SendOnline(10));
    }

    @Test
    void aSmallBacklogThatWouldWaitForTheMinuteWindowGoesAsABatchWhileBatchSessionsAreToSpare() {
        budgets.capacity(KsefLimit.INVOICE_SEND, new Budgets.Capacity(12, 150, 30, 180));
        budgets.capacity(KsefLimit.BATCH_SESSION, new Budgets.Capacity(20, 30, 20, 60));

        assertThat(policy.next(withSession(lane(13)), budgets, NOW)).isEqualTo(new Step.StartBatch(13));
        assertThat(policy.next(withSession(lane(12)), budgets, NOW)).isEqualTo(new Step.SendOnline(10));
    }

    @Test
    void withHalfTheHoursBatchSessionsUsedASmallBacklogWaitsForTheOnlineWindow() {
        budgets.capacity(KsefLimit.INVOICE_SEND, new Budgets.Capacity(12, 150, 30, 180));
        budgets.capacity(KsefLimit.BATCH_SESSION, new Budgets.Capacity(20, 29, 20, 60));

        assertThat(policy.next(withSession(lane(40)), budgets, NOW)).isEqualTo(new Step.SendOnline(10));
    }

    @Test
    void evenAFewInvoicesGoAsABatchWhenNoOnlineSendIsPossibleWithinTheHorizon() {
        budgets.capacity(KsefLimit.INVOICE_SEND, new Budgets.Capacity(0, 0, 30, 180));
        budgets.blocked(KsefLimit.INVOICE_SEND, NOW.plusSeconds(1200));

        assertThat(policy.next(withSession(lane(5)), budgets, NOW)).isEqualTo(new Step.StartBatch(5));
    }

    @Test
    void withLimitsLiftedABacklogStaysOnlineUntilItIsDeepEnoughToBeWorthABatch() {
        budgets.capacity(KsefLimit.INVOICE_SEND, new Budgets.Capacity(1_000_000, 10_000_000, 1_000_000, 10_000_000));

        assertThat(policy.next(withSession(lane(999)), budgets, NOW)).isEqualTo(new Step.SendOnline(10));
        assertThat(policy.next(withSession(lane(50_000)), budgets, NOW)).isEqualTo(new Step.StartBatch(10_000));
    }

    @Test
    void aBatchWaitsWhileItsBurstIsStillArrivingOnceHalfTheMinutesBatchSessionsAreSpent() {
        batchSessionsLeft(9, 50);
        LaneView arriving = arriving(300, NOW.minusSeconds(1), NOW.minusMillis(100));

        assertThat(policy.next(arriving, budgets, NOW)).isEqualTo(new Step.Sleep(NOW.plusMillis(400), null));
    }

    @Test
    void aBatchWaitsWhileItsBurstIsStillArrivingOnceHalfTheHoursBatchSessionsAreSpent() {
        batchSessionsLeft(20, 29);
        LaneView arriving = arriving(300, NOW.minusSeconds(1), NOW.minusMillis(100));

        assertThat(policy.next(arriving, budgets, NOW)).isEqualTo(new Step.Sleep(NOW.plusMillis(400), null));
    }

    @Test
    void withBatchSessionsToSpareABatchStartsWhileItsBurstStillArrives() {
        batchSessionsLeft(10, 30);
        LaneView arriving = arriving(300, NOW.minusSeconds(1), NOW.minusMillis(100));

        assertThat(policy.next(arriving, budgets, NOW)).isEqualTo(new Step.StartBatch(300));
    }

    @Test
    void aBatchStartsOnceNothingHasArrivedForTheGatherTime() {
        batchSessionsLeft(9, 50);
        LaneView quiet = arriving(300, NOW.minusSeconds(2), NOW.minusMillis(500));

        assertThat(policy.next(quiet, budgets, NOW)).isEqualTo(new Step.StartBatch(300));
    }

    @Test
    void aBatchGathersNoLongerThanTheGatherMaximumFromTheFirstArrival() {
        batchSessionsLeft(9, 50);
        assertThat(policy.next(arriving(300, NOW.minusMillis(4_900), NOW.minusMillis(10)), budgets, NOW))
                .isEqualTo(new Step.Sleep(NOW.plusMillis(100), null));
        assertThat(policy.next(arriving(300, NOW.minusSeconds(5), NOW.minusMillis(10)), budgets, NOW))
                .isEqualTo(new Step.StartBatch(300));
    }

    @Test
    void aQueueThatFillsABatchDoesNotWait() {
        batchSessionsLeft(9, 50);
        LaneView full = arriving(12_000, NOW.minusSeconds(1), NOW.minusMillis(1));

        assertThat(policy.next(full, budgets, NOW)).isEqualTo(new Step.StartBatch(10_000));
    }

    @Test
    void invoicesThatGoOnlineDoNotWaitForArrivalsToStop() {
        batchSessionsLeft(9, 50);
        LaneView arriving = arriving(5, NOW.minusSeconds(1), NOW.minusMillis(1));

        assertThat(policy.next(arriving, budgets, NOW)).isEqualTo(new Step.SendOnline(5));
    }

    @Test
    void verdictsThatAreDueComeBeforeNewSends() {
        LaneView lane = new LaneView(5, session(NOW), List.of(), NOW.minusMillis(1), 0, false, List.of(),
                Optional.empty(), false, null);

        assertThat(policy.next(lane, budgets, NOW)).isEqualTo(new Step.PollVerdicts(20, List.of()));
    }

    @Test
    void verdictsWorthAListAreCollectedWhileTheStatusBudgetIsSpent() {
        budgets.blocked(KsefLimit.INVOICE_STATUS, NOW.plusSeconds(20));
        LaneView lane = awaiting(new VerdictChoice.SessionAwaiting("S-1", 8, 8, NOW.minusMillis(1)));

        assertThat(policy.next(lane, budgets, NOW)).isEqualTo(new Step.PollVerdicts(20, List.of("S-1")));
    }

    @Test
    void withTheStatusBudgetSpentAFewVerdictsWaitForItRatherThanSpinning() {
        budgets.blocked(KsefLimit.INVOICE_STATUS, NOW.plusSeconds(20));
        LaneView lane = awaiting(new VerdictChoice.SessionAwaiting("S-1", 2, 8, NOW.minusMillis(1)));

        assertThat(policy.next(lane, budgets, NOW)).isEqualTo(new Step.Sleep(NOW.plusSeconds(20),
                KsefLimit.INVOICE_STATUS));
    }

    @Test
    void lostSendsAreLookedUpFirst() {
        LaneView lane = new LaneView(5, session(NOW), List.of(), null, 2, false, List.of(), Optional.empty(), false,
                null);

        assertThat(policy.next(lane, budgets, NOW)).isEqualTo(new Step.Recover());
    }

    @Test
    void anIdleSessionIsClosedAfterTheIdleTime() {
        LaneView lane = new LaneView(0, session(NOW.minus(Duration.ofMinutes(3))), List.of(), null, 0, false,
                List.of(), Optional.empty(), false, null);

        assertThat(policy.next(lane, budgets, NOW)).isEqualTo(new Step.CloseOnline("S-1"));
    }

    @Test
    void aSessionCloseToItsExpiryIsClosedAndThenANewOneOpened() {
        LaneView expiring = new LaneView(5, Optional.of(new LaneView.OnlineSessionView("S-1",
                NOW.plus(Duration.ofMinutes(10)), 7, NOW)), List.of(), null, 0, false, List.of(), Optional.empty(),
                false, null);

        assertThat(policy.next(expiring, budgets, NOW)).isEqualTo(new Step.CloseOnline("S-1"));
    }

    @Test
    void aHeldLaneSleepsUntilItsHoldEnds() {
        LaneView held = new LaneView(5, Optional.empty(), List.of(), null, 0, false, List.of(),
                Optional.of(new LaneView.Hold(HoldReason.INTEGRATION_NOT_ACTIVE, NOW.plusSeconds(60))), false, null);

        assertThat(policy.next(held, budgets, NOW)).isEqualTo(new Step.Sleep(NOW.plusSeconds(60), null));
    }

    @Test
    void aClosedBatchIsCheckedWhenDue() {
        LaneView lane = new LaneView(0, Optional.empty(), List.of(), null, 0, false,
                List.of(new LaneView.BatchView("B-1", true, NOW)), Optional.empty(), false, null);

        assertThat(policy.next(lane, budgets, NOW)).isEqualTo(new Step.CheckBatch("B-1"));
    }

    @Test
    void nothingToDoSleepsUntilTheNextPoll() {
        LaneView lane = new LaneView(0, Optional.empty(), List.of(), NOW.plusSeconds(2), 0, false, List.of(),
                Optional.empty(), false, null);

        assertThat(policy.next(lane, budgets, NOW)).isEqualTo(new Step.Sleep(NOW.plusSeconds(2), null));
    }

    private static LaneView lane(long queued) {
        return new LaneView(queued, Optional.empty(), List.of(), null, 0, false, List.of(), Optional.empty(), false,
                null);
    }

    /** KSeF's batch-session limits (20 a minute, 60 an hour) with this much of each left. */
    private void batchSessionsLeft(int minute, int hour) {
        budgets.capacity(KsefLimit.BATCH_SESSION, new Budgets.Capacity(minute, hour, 20, 60));
    }

    private static LaneView arriving(long queued, Instant since, Instant last) {
        return new LaneView(queued, session(NOW), List.of(), null, 0, false, List.of(), Optional.empty(), false, null,
                List.of(), new LaneView.Arrivals(since, last));
    }

    private static LaneView awaiting(VerdictChoice.SessionAwaiting session) {
        return new LaneView(0, session(NOW), List.of(), session.dueAt(), 0, false, List.of(), Optional.empty(), false,
                null, List.of(session));
    }

    private static LaneView withSession(LaneView lane) {
        return new LaneView(lane.queued(), session(NOW), List.of(), null, 0, false, List.of(), Optional.empty(), false,
                null);
    }

    private static Optional<LaneView.OnlineSessionView> session(Instant lastUsed) {
        return Optional.of(new LaneView.OnlineSessionView("S-1", NOW.plus(Duration.ofHours(11)), 3, lastUsed));
    }
}
