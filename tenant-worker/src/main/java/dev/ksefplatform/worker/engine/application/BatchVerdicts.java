package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.FinalInvoiceStatus;
import dev.ksefplatform.worker.engine.domain.InFlightInvoice;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.SubmissionOutcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verdicts of a closed batch, without paging every invoice against the tight {@code sessionInvoiceList} budget: the
 * session status (sessionMisc) until KSeF is done, then the KSeF numbers from the session UPO (a pre-signed link, not
 * rate-limited), and only the failures from {@code …/invoices/failed}. A batch KSeF failed as a whole (no per-invoice
 * results) is queued again: none of its invoices was stored.
 */
final class BatchVerdicts {

    private static final int SUCCESS = 200;
    private static final int NONE_VALID = 445;

    private final Lane lane;
    private final Verdicts verdicts;

    BatchVerdicts(Lane lane) {
        this.lane = lane;
        this.verdicts = new Verdicts(lane);
    }

    void check(String ref) {
        LaneState.BatchRun run = lane.state.batches.get(ref);
        if (run == null || !lane.acquire(KsefLimit.SESSION_MISC, 1)) {
            return;
        }
        Lease lease = lane.lease(TenantCredentials.INVOICE_WRITE);
        Ksef.SessionState state = lane.deps.ksef().sessionState(lane.key, lease.accessToken(), ref);
        Instant now = lane.deps.clock().instant();
        boolean failedAsAWhole = state.code() != SUCCESS && state.code() != NONE_VALID && state.failedInvoices() == 0;
        if (!state.processing() && failedAsAWhole) {
            requeueWhole(run);
            return;
        }
        if (state.processing() || state.upoPageUrls().isEmpty() && state.failedInvoices() == 0) {
            lane.state.batches.put(ref, run.next(true, BatchSteps.nextCheck(now, run.checks())));
            return;
        }
        collect(run, state, lease);
        if (run.byHash().isEmpty()) {
            done(ref);
        } else {
            lane.state.batches.put(ref, run.next(true, BatchSteps.nextCheck(now, run.checks())));
        }
    }

    private void collect(LaneState.BatchRun run, Ksef.SessionState state, Lease lease) {
        Map<InFlightInvoice, SubmissionOutcome> outcomes = new LinkedHashMap<>();
        for (String url : state.upoPageUrls()) {
            Ksef.Upo upo = lane.deps.ksef().sessionUpo(lane.key, url);
            for (Ksef.UpoEntry entry : upo.entries()) {
                InFlightInvoice invoice = run.byHash().get(entry.invoiceHash());
                if (invoice != null) {
                    outcomes.put(invoice, accepted(invoice, entry, run.referenceNumber()));
                }
            }
        }
        record(run, outcomes, Map.of());
        if (!run.byHash().isEmpty()) {
            pageThrough(run, state.failedInvoices() > 0, lease);
        }
    }

    /** The failed list first; invoices in neither the UPO nor it are looked up in the full list. */
    private void pageThrough(LaneState.BatchRun run, boolean failedOnly, Lease lease) {
        ListPages pages = new ListPages();
        String continuation = null;
        do {
            if (!lane.acquire(KsefLimit.SESSION_INVOICE_LIST, 1)) {
                return;
            }
            Ksef.SessionPage page = lane.deps.ksef().sessionInvoices(lane.key, lease.accessToken(),
                    run.referenceNumber(), failedOnly, continuation);
            decide(run, page.invoices(), lease);
            continuation = pages.next(page.continuation());
        } while (continuation != null && !run.byHash().isEmpty());
        if (failedOnly && !run.byHash().isEmpty()) {
            pageThrough(run, false, lease);
        }
    }

    private void decide(LaneState.BatchRun run, List<Ksef.SessionInvoice> listed, Lease lease) {
        Map<InFlightInvoice, SubmissionOutcome> outcomes = new LinkedHashMap<>();
        Map<InFlightInvoice, FinalInvoiceStatus> statuses = new LinkedHashMap<>();
        for (Ksef.SessionInvoice entry : listed) {
            InFlightInvoice invoice = run.byHash().get(entry.invoiceHash());
            if (invoice == null || entry.status() == null) {
                continue;
            }
            lane.crashPoint(CrashPoints.AFTER_STATUS);
            Optional<SubmissionOutcome> outcome = verdicts.outcome(invoice.withInvoiceRef(entry.invoiceRef()),
                    entry.status(), lease);
            outcome.ifPresent(o -> {
                outcomes.put(invoice, o);
                statuses.put(invoice, entry.status());
            });
        }
        record(run, outcomes, statuses);
    }

    private void record(LaneState.BatchRun run, Map<InFlightInvoice, SubmissionOutcome> outcomes,
                        Map<InFlightInvoice, FinalInvoiceStatus> statuses) {
        verdicts.record(outcomes, statuses);
        outcomes.keySet().forEach(i -> run.byHash().remove(i.invoiceHash()));
    }

    private void requeueWhole(LaneState.BatchRun run) {
        List<String> ids = run.byHash().values().stream().map(i -> i.ref().commandId()).toList();
        lane.deps.store().requeued(lane.key, ids, run.referenceNumber());
        lane.state.queued += ids.size();
        lane.deps.store().sessionState(lane.key, run.referenceNumber(), "FAILED", List.of());
        lane.state.batches.remove(run.referenceNumber());
        // a batch KSeF cannot take as a whole (405, 415, 430, 435...): the online path carries the lane for a while
        lane.state.batchPausedUntil = lane.deps.clock().instant().plusSeconds(600);
    }

    private void done(String ref) {
        lane.deps.store().sessionState(lane.key, ref, "DONE", List.of());
        lane.state.batches.remove(ref);
    }

    private static SubmissionOutcome accepted(InFlightInvoice invoice, Ksef.UpoEntry entry, String sessionRef) {
        return new SubmissionOutcome.Accepted(entry.ksefNumber(),
                entry.invoiceNumber() != null ? entry.invoiceNumber() : invoice.invoiceNumber(), invoice.invoiceHash(),
                sessionRef, invoice.invoiceRef(), entry.acquiredAt(), null);
    }
}
