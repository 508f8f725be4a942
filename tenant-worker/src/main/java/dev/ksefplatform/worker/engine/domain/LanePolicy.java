package dev.ksefplatform.worker.engine.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides a lane's next step from what it knows and what its KSeF budget allows — pure, so every rule is a unit test.
 * Order: a hold waits; lost answers are looked up first; then what is already in KSeF (batch close and checks,
 * verdicts), then new work (a batch when the online budget cannot carry the backlog soon, else online), then
 * housekeeping (closing idle, full or expiring sessions, and orphans). A step whose budget is exhausted is skipped;
 * if nothing can run, the lane sleeps until the earliest moment something can.
 */
public final class LanePolicy {

    private final LaneSettings settings;
    private final VerdictChoice verdicts;

    public LanePolicy(LaneSettings settings) {
        this.settings = settings;
        this.verdicts = new VerdictChoice(settings);
    }

    public Step next(LaneView lane, Budgets budgets, Instant now) {
        Optional<LaneView.Hold> hold = lane.hold().filter(h -> h.until().isAfter(now));
        if (hold.isPresent()) {
            return new Step.Sleep(hold.get().until(), null);
        }
        List<Step.Sleep> blocked = new ArrayList<>();
        Optional<Step> step = recovery(lane, budgets, now, blocked)
                .or(() -> inKsef(lane, budgets, now, blocked))
                .or(() -> newWork(lane, budgets, now, blocked))
                .or(() -> housekeeping(lane, budgets, now, blocked));
        return step.orElseGet(() -> sleep(lane, now, blocked));
    }

    /** Lost answers are looked up first, each within its own budget. */
    private Optional<Step> recovery(LaneView lane, Budgets budgets, Instant now, List<Step.Sleep> blocked) {
        boolean lostSends = lane.unconfirmedSends() > 0
                && allowed(budgets, KsefLimit.SESSION_INVOICE_LIST, 1, now, blocked);
        boolean unclosedBatches = lane.batches().stream().anyMatch(b -> !b.closed())
                && allowed(budgets, KsefLimit.SESSION_MISC, 1, now, blocked);
        return lostSends || unclosedBatches ? Optional.of(new Step.Recover()) : Optional.empty();
    }

    private Optional<Step> inKsef(LaneView lane, Budgets budgets, Instant now, List<Step.Sleep> blocked) {
        if (lane.preparedBatch() && allowed(budgets, KsefLimit.BATCH_SESSION, 1, now, blocked)) {
            return Optional.of(new Step.CloseBatch());
        }
        Optional<LaneView.BatchView> due = lane.batches().stream()
                .filter(b -> b.closed() && !b.nextCheckAt().isAfter(now)).findFirst();
        if (due.isPresent() && allowed(budgets, KsefLimit.SESSION_MISC, 1, now, blocked)) {
            return Optional.of(new Step.CheckBatch(due.get().referenceNumber()));
        }
        if (lane.verdictsDueAt() != null && !lane.verdictsDueAt().isAfter(now)) {
            List<String> listed = verdicts.listed(lane.awaitingBySession(), budgets, now);
            if (!listed.isEmpty() || allowed(budgets, KsefLimit.INVOICE_STATUS, 1, now, blocked)) {
                return Optional.of(new Step.PollVerdicts(settings.pollChunk(), listed));
            }
        }
        return Optional.empty();
    }

    private Optional<Step> newWork(LaneView lane, Budgets budgets, Instant now, List<Step.Sleep> blocked) {
        if (lane.queued() == 0) {
            return Optional.empty();
        }
        boolean batchPaused = lane.batchPausedUntil() != null && lane.batchPausedUntil().isAfter(now);
        if (!batchPaused && !lane.buildingBatch() && !lane.preparedBatch() && backlogNeedsBatch(lane, budgets)
                && allowed(budgets, KsefLimit.BATCH_SESSION, 1, now, blocked)) {
            Optional<Instant> gathering = gatheringUntil(lane, budgets, now);
            if (gathering.isPresent()) {
                blocked.add(new Step.Sleep(gathering.get(), null));
                return Optional.empty();
            }
            return Optional.of(new Step.StartBatch((int) Math.min(lane.queued(), settings.batchMaxInvoices())));
        }
        if (lane.session().isEmpty() || isFull(lane.session().get()) || isExpiring(lane.session().get(), now)) {
            return lane.session().isEmpty() && allowed(budgets, KsefLimit.ONLINE_SESSION, 1, now, blocked)
                    ? Optional.of(new Step.OpenOnline()) : Optional.empty();
        }
        return allowed(budgets, KsefLimit.INVOICE_SEND, 1, now, blocked)
                ? Optional.of(new Step.SendOnline((int) Math.min(lane.queued(), settings.sendChunk())))
                : Optional.empty();
    }

    private Optional<Step> housekeeping(LaneView lane, Budgets budgets, Instant now, List<Step.Sleep> blocked) {
        Optional<LaneView.OnlineSessionView> session = lane.session();
        boolean closeDue = session.isPresent() && (isFull(session.get()) || isExpiring(session.get(), now)
                || (lane.queued() == 0 && !session.get().lastUsedAt().plus(settings.sessionIdle()).isAfter(now)));
        if (closeDue && allowed(budgets, KsefLimit.ONLINE_SESSION, 1, now, blocked)) {
            return Optional.of(new Step.CloseOnline(session.get().referenceNumber()));
        }
        if (!lane.orphanedSessions().isEmpty() && lane.queued() == 0
                && allowed(budgets, KsefLimit.ONLINE_SESSION, 1, now, blocked)) {
            return Optional.of(new Step.CloseOrphan(lane.orphanedSessions().get(0)));
        }
        return Optional.empty();
    }

    /**
     * A backlog goes as a batch when the online budget could not send it within the horizon, and it is big enough to be
     * worth a batch session (or the online budget cannot send anything within the horizon at all). A smaller backlog
     * that would still wait for the online minute window goes as a batch too while the hour's batch budget has sessions
     * to spare: one batch finishes it sooner than the window refills (30 sends a minute), and spares the online budget
     * (180 sends an hour) for single invoices. The spare is half the hour's batch budget, so backlogs too deep for
     * online always find a batch session left.
     */
    boolean backlogNeedsBatch(LaneView lane, Budgets budgets) {
        long minutes = Math.max(1, settings.batchHorizon().toMinutes());
        Budgets.Capacity online = budgets.capacity(KsefLimit.INVOICE_SEND);
        long withinHorizon = online.within(minutes);
        return lane.queued() >= settings.batchAlwaysAbove()
                || lane.queued() > withinHorizon && (lane.queued() >= settings.batchMinInvoices() || withinHorizon == 0)
                || lane.queued() > online.within(1) && batchSessionsToSpare(budgets);
    }

    private static boolean batchSessionsToSpare(Budgets budgets) {
        Budgets.Capacity batch = budgets.capacity(KsefLimit.BATCH_SESSION);
        return 2L * batch.perHour() >= batch.limitPerHour();
    }

    private static boolean batchSessionsRunningLow(Budgets budgets) {
        Budgets.Capacity batch = budgets.capacity(KsefLimit.BATCH_SESSION);
        return 2L * batch.perMinute() < batch.limitPerMinute() || 2L * batch.perHour() < batch.limitPerHour();
    }

    /**
     * A batch still gathering: half the minute's or the hour's batch sessions are spent, commands arrived within
     * {@code batchGather}, the queue began to grow less than {@code batchGatherMax} ago, and it would not fill a batch.
     * Gathering trades seconds for batch sessions, so it waits only once they run low: with sessions to spare (limits
     * raised or lifted) a batch starts at once, and the lane keeps sending while its burst still arrives. Nothing new is
     * sent while it gathers (online sends would spend the minute's budget on a burst the batch is about to take).
     */
    private Optional<Instant> gatheringUntil(LaneView lane, Budgets budgets, Instant now) {
        LaneView.Arrivals arrivals = lane.arrivals();
        if (arrivals == null || lane.queued() >= settings.batchMaxInvoices() || !batchSessionsRunningLow(budgets)) {
            return Optional.empty();
        }
        Instant quiet = arrivals.last().plus(settings.batchGather());
        Instant cap = arrivals.since().plus(settings.batchGatherMax());
        Instant until = quiet.isBefore(cap) ? quiet : cap;
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    private boolean isFull(LaneView.OnlineSessionView session) {
        return session.invoices() >= settings.sessionMaxInvoices();
    }

    private boolean isExpiring(LaneView.OnlineSessionView session, Instant now) {
        return session.validUntil() != null && !session.validUntil().minus(settings.sessionExpiryMargin()).isAfter(now);
    }

    private static boolean allowed(Budgets budgets, KsefLimit limit, int permits, Instant now, List<Step.Sleep> blocked) {
        Instant at = budgets.availableAt(limit, permits);
        if (at.isAfter(now)) {
            blocked.add(new Step.Sleep(at, limit));
            return false;
        }
        return true;
    }

    private Step sleep(LaneView lane, Instant now, List<Step.Sleep> blocked) {
        List<Step.Sleep> candidates = new ArrayList<>(blocked);
        if (lane.verdictsDueAt() != null) {
            candidates.add(new Step.Sleep(lane.verdictsDueAt(), null));
        }
        lane.batches().forEach(b -> candidates.add(new Step.Sleep(b.nextCheckAt(), null)));
        lane.session().filter(s -> lane.queued() == 0)
                .ifPresent(s -> candidates.add(new Step.Sleep(s.lastUsedAt().plus(settings.sessionIdle()), null)));
        return candidates.stream().filter(s -> s.until().isAfter(now)).min(Comparator.comparing(Step.Sleep::until))
                .orElse(new Step.Sleep(Instant.MAX, null));
    }
}
