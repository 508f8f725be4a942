package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.HoldReason;
import dev.ksefplatform.worker.engine.domain.InFlightInvoice;
import dev.ksefplatform.worker.engine.domain.LaneView;
import dev.ksefplatform.worker.engine.domain.VerdictChoice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lane's memory between steps: only what is in flight (its size follows KSeF's budget, not the backlog, which stays
 * in the database). Touched by one thread at a time: a lane never runs two steps at once.
 */
final class LaneState {

    long queued;
    /** When the queue began to grow (the first arrival into an empty queue, or since a batch took it), and the last. */
    Instant arrivalsSince;
    Instant lastArrival;
    Ksef.OnlineSession session;
    int sessionInvoices;
    Instant sessionLastUsed;
    final List<String> orphans = new ArrayList<>();
    final Map<String, Awaiting> awaiting = new LinkedHashMap<>();
    final Map<String, InFlightInvoice> unconfirmed = new LinkedHashMap<>();
    final Map<String, BatchRun> batches = new LinkedHashMap<>();
    Prepared prepared;
    boolean buildingBatch;
    Instant batchPausedUntil;
    LaneView.Hold hold;
    HoldReason reported;
    int failures;
    Lease lease;

    /** An online invoice whose verdict is awaited; {@code polls} so far decide the next wait. */
    record Awaiting(InFlightInvoice invoice, Instant due, int polls) {
    }

    /**
     * A batch session of this lane: closed (KSeF processes it) or left unclosed by an earlier incarnation; its
     * invoices still without a verdict, by invoice hash (a batch never holds two invoices with one hash).
     */
    record BatchRun(String referenceNumber, boolean closed, Instant nextCheckAt, int checks,
                    Map<String, InFlightInvoice> byHash) {

        BatchRun next(boolean isClosed, Instant at) {
            return new BatchRun(referenceNumber, isClosed, at, checks + 1, byHash);
        }
    }

    /** A batch opened and uploaded, waiting for the budget to close it. */
    record Prepared(Ksef.Batch batch, String referenceNumber, List<InFlightInvoice> invoices) {
    }

    LaneView view() {
        Instant verdictsDue = awaiting.values().stream().map(Awaiting::due).min(Comparator.naturalOrder()).orElse(null);
        Optional<LaneView.OnlineSessionView> open = Optional.ofNullable(session).map(s ->
                new LaneView.OnlineSessionView(s.referenceNumber(), s.validUntil(), sessionInvoices, sessionLastUsed));
        List<LaneView.BatchView> batchViews = batches.values().stream()
                .map(b -> new LaneView.BatchView(b.referenceNumber(), b.closed(), b.nextCheckAt())).toList();
        return new LaneView(queued, open, orphans, verdictsDue, unconfirmed.size(), prepared != null, batchViews,
                Optional.ofNullable(hold), buildingBatch, batchPausedUntil, awaitingBySession(),
                lastArrival == null ? null : new LaneView.Arrivals(arrivalsSince, lastArrival));
    }

    /** The awaited verdicts by session; the lane knows the size of its current session only. */
    List<VerdictChoice.SessionAwaiting> awaitingBySession() {
        Map<String, List<Awaiting>> bySession = new LinkedHashMap<>();
        awaiting.values().forEach(a -> bySession.computeIfAbsent(a.invoice().sessionRef(), s -> new ArrayList<>()).add(a));
        String current = session == null ? null : session.referenceNumber();
        return bySession.entrySet().stream().map(e -> new VerdictChoice.SessionAwaiting(e.getKey(), e.getValue().size(),
                e.getKey().equals(current) ? sessionInvoices : 0,
                e.getValue().stream().map(Awaiting::due).min(Comparator.naturalOrder()).orElseThrow())).toList();
    }

    /**
     * Forgets what is in flight, to be loaded again from the database: after a step failed half-way (a write refused
     * by a database outage after KSeF took an invoice), memory no longer says what the rows say. The open online
     * session, the hold and the lease are kept: they are not in flight.
     */
    void forgetInFlight() {
        queued = 0;
        arrivalsSince = null;
        lastArrival = null;
        orphans.clear();
        awaiting.clear();
        unconfirmed.clear();
        batches.clear();
        if (prepared != null) {
            prepared.batch().close();
            prepared = null;
        }
        buildingBatch = false;
    }

    boolean isIdle() {
        return queued == 0 && session == null && orphans.isEmpty() && awaiting.isEmpty() && unconfirmed.isEmpty()
                && batches.isEmpty() && prepared == null;
    }
}
