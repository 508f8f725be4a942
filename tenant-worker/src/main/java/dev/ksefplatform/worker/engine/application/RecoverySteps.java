package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.InFlightInvoice;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.SessionType;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a crash (or a lost answer) left undecided is decided from KSeF's own records, never by sending again blind:
 * a send whose answer was lost is looked up by its invoice hash in its session's list (found: SENT with KSeF's
 * reference; absent: it never arrived, queued again); a batch an earlier incarnation opened is closed in KSeF's eyes
 * or not (status 100: never closed, never processed — queued again; otherwise KSeF processes it and its verdicts are
 * collected).
 */
final class RecoverySteps {

    private static final int OPEN = 100;

    private final Lane lane;

    RecoverySteps(Lane lane) {
        this.lane = lane;
    }

    void run() {
        Lease lease = lane.lease(TenantCredentials.INVOICE_WRITE);
        Map<String, List<InFlightInvoice>> bySession = lane.state.unconfirmed.values().stream()
                .collect(Collectors.groupingBy(InFlightInvoice::sessionRef));
        for (Map.Entry<String, List<InFlightInvoice>> session : bySession.entrySet()) {
            if (!lookUp(session.getKey(), session.getValue(), lease)) {
                break;
            }
        }
        for (LaneState.BatchRun run : new ArrayList<>(lane.state.batches.values())) {
            if (!run.closed() && !settle(run, lease)) {
                break;
            }
        }
    }

    /** @return false when the budget ran out before the session's whole list was read */
    private boolean lookUp(String sessionRef, List<InFlightInvoice> lost, Lease lease) {
        Map<String, InFlightInvoice> byHash = new HashMap<>();
        lost.forEach(i -> byHash.put(i.invoiceHash(), i));
        List<InFlightInvoice> found = new ArrayList<>();
        ListPages pages = new ListPages();
        String continuation = null;
        do {
            if (!lane.acquire(KsefLimit.SESSION_INVOICE_LIST, 1)) {
                return false;
            }
            Ksef.SessionPage page = lane.deps.ksef().sessionInvoices(lane.key, lease.accessToken(), sessionRef, false,
                    continuation);
            for (Ksef.SessionInvoice listed : page.invoices()) {
                InFlightInvoice invoice = byHash.remove(listed.invoiceHash());
                if (invoice != null) {
                    found.add(invoice.withInvoiceRef(listed.invoiceRef()));
                }
            }
            continuation = pages.next(page.continuation());
        } while (continuation != null && !byHash.isEmpty());
        settleLookUp(sessionRef, found, List.copyOf(byHash.values()));
        return true;
    }

    private void settleLookUp(String sessionRef, List<InFlightInvoice> found, List<InFlightInvoice> neverArrived) {
        List<WorkerEvent> events = new ArrayList<>();
        found.forEach(i -> events.add(lane.audit.commandEvent(i.ref(), WorkerEvent.Audit.INVOICE_SEND, 202, null, null,
                null, new WorkerEvent.InvoiceSent(sessionRef, SessionType.ONLINE, i.invoiceRef(), i.invoiceHash(),
                        i.invoiceNumber(), null))));
        if (!found.isEmpty()) {
            lane.deps.store().sent(lane.key, found, 0, events);
        }
        if (!neverArrived.isEmpty()) {
            lane.deps.store().requeued(lane.key, Lane.ids(neverArrived), sessionRef);
            lane.state.queued += neverArrived.size();
        }
        Instant now = lane.deps.clock().instant();
        found.forEach(i -> lane.state.awaiting.put(i.ref().commandId(), new LaneState.Awaiting(i, now, 0)));
        found.forEach(i -> lane.state.unconfirmed.remove(i.ref().commandId()));
        neverArrived.forEach(i -> lane.state.unconfirmed.remove(i.ref().commandId()));
    }

    /** @return false when the budget ran out */
    private boolean settle(LaneState.BatchRun run, Lease lease) {
        if (!lane.acquire(KsefLimit.SESSION_MISC, 1)) {
            return false;
        }
        Ksef.SessionState state = lane.deps.ksef().sessionState(lane.key, lease.accessToken(), run.referenceNumber());
        List<InFlightInvoice> invoices = List.copyOf(run.byHash().values());
        if (state.code() == OPEN) {
            lane.deps.store().requeued(lane.key, Lane.ids(invoices), run.referenceNumber());
            lane.deps.store().sessionState(lane.key, run.referenceNumber(), "ABANDONED", List.of());
            lane.state.queued += invoices.size();
            lane.state.batches.remove(run.referenceNumber());
        } else {
            lane.deps.store().sent(lane.key, invoices, 0, List.of());
            lane.deps.store().sessionState(lane.key, run.referenceNumber(), "PROCESSING", List.of());
            lane.state.batches.put(run.referenceNumber(), run.next(true, lane.deps.clock().instant()));
        }
        return true;
    }
}
