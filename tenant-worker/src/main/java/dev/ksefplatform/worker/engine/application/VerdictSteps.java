package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.FinalInvoiceStatus;
import dev.ksefplatform.worker.engine.domain.InFlightInvoice;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.SubmissionOutcome;
import dev.ksefplatform.worker.engine.domain.VerdictChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects online verdicts apart from sending, and each invoice KSeF decided ends with its one final event. Where
 * {@link VerdictChoice} says so, a session's list answers for all its awaited invoices at once (
 * {@code sessionInvoiceList} budget); the other invoices whose next poll is due are asked one by one, within the
 * {@code invoiceStatus} budget.
 */
final class VerdictSteps {

    private final Lane lane;
    private final Verdicts verdicts;

    VerdictSteps(Lane lane) {
        this.lane = lane;
        this.verdicts = new Verdicts(lane);
    }

    /** Reads the lists of the sessions the policy chose, then asks up to {@code max} other due verdicts one by one. */
    void poll(int max, List<String> listed) {
        Instant now = lane.deps.clock().instant();
        Set<String> byList = Set.copyOf(listed);
        List<LaneState.Awaiting> due = lane.state.awaiting.values().stream().filter(a -> !a.due().isAfter(now))
                .filter(a -> !byList.contains(a.invoice().sessionRef()))
                .sorted(Comparator.comparing(LaneState.Awaiting::due)).limit(max).toList();
        if (due.isEmpty() && listed.isEmpty()) {
            return;
        }
        Lease lease = lane.lease(TenantCredentials.INVOICE_WRITE);
        Map<InFlightInvoice, FinalInvoiceStatus> decided = new LinkedHashMap<>();
        try {
            for (String session : listed) {
                if (!list(session, lease, decided, now)) {
                    break;
                }
            }
            for (LaneState.Awaiting awaiting : due) {
                if (!lane.acquire(KsefLimit.INVOICE_STATUS, 1)) {
                    break;
                }
                InFlightInvoice invoice = awaiting.invoice();
                Optional<FinalInvoiceStatus> status = CallScope.within(new CallScope.Current(lane.key, invoice.ref(),
                        () -> lease), () -> lane.deps.ksef().invoiceStatus(lane.key, lease.accessToken(),
                        invoice.sessionRef(), invoice.invoiceRef()));
                if (status.isPresent()) {
                    lane.crashPoint(CrashPoints.AFTER_STATUS);
                    decided.put(invoice, status.get());
                } else {
                    later(awaiting, now);
                }
            }
        } finally {
            finish(decided, lease);
        }
    }

    /**
     * Reads the session's list until every invoice awaited in it was seen: final ones are decided, the others keep
     * waiting (those due, for their next poll, so a list that never decides them is not read again at once). The
     * list's calls serve many commands: they are the lane's own.
     *
     * @return false when the budget ran out before the list was read
     */
    private boolean list(String session, Lease lease, Map<InFlightInvoice, FinalInvoiceStatus> decided, Instant now) {
        Map<String, LaneState.Awaiting> byRef = new HashMap<>();
        lane.state.awaiting.values().stream().filter(a -> a.invoice().sessionRef().equals(session))
                .forEach(a -> byRef.put(a.invoice().invoiceRef(), a));
        ListPages pages = new ListPages();
        String continuation = null;
        do {
            if (!lane.acquire(KsefLimit.SESSION_INVOICE_LIST, 1)) {
                return false;
            }
            Ksef.SessionPage page = lane.deps.ksef().sessionInvoices(lane.key, lease.accessToken(), session, false,
                    continuation);
            for (Ksef.SessionInvoice listed : page.invoices()) {
                LaneState.Awaiting awaiting = byRef.remove(listed.invoiceRef());
                if (awaiting != null && listed.status() != null) {
                    lane.crashPoint(CrashPoints.AFTER_STATUS);
                    decided.put(awaiting.invoice(), listed.status());
                } else if (awaiting != null && !awaiting.due().isAfter(now)) {
                    later(awaiting, now);
                }
            }
            continuation = pages.next(page.continuation());
        } while (continuation != null && !byRef.isEmpty());
        // a list that does not name an awaited invoice (yet): asked again later, not at once
        byRef.values().stream().filter(a -> !a.due().isAfter(now)).forEach(a -> later(a, now));
        return true;
    }

    private void finish(Map<InFlightInvoice, FinalInvoiceStatus> decided, Lease lease) {
        if (decided.isEmpty()) {
            return;
        }
        Map<InFlightInvoice, SubmissionOutcome> outcomes = new LinkedHashMap<>();
        decided.forEach((invoice, status) -> verdicts.outcome(invoice, status, lease)
                .ifPresentOrElse(o -> outcomes.put(invoice, o), () -> postpone(invoice)));
        verdicts.record(outcomes, decided);
        outcomes.keySet().forEach(i -> lane.state.awaiting.remove(i.ref().commandId()));
    }

    private void later(LaneState.Awaiting awaiting, Instant now) {
        int polls = awaiting.polls() + 1;
        Duration wait = lane.deps.retries().poll(polls, lane.state.awaiting.size(),
                lane.deps.budget().view(lane.key).capacity(KsefLimit.INVOICE_STATUS));
        lane.state.awaiting.put(awaiting.invoice().ref().commandId(),
                new LaneState.Awaiting(awaiting.invoice(), now.plus(wait), polls));
    }

    /** A 440 that may be this command's own earlier send, not confirmable now (budget): asked again later. */
    private void postpone(InFlightInvoice invoice) {
        LaneState.Awaiting awaiting = lane.state.awaiting.get(invoice.ref().commandId());
        if (awaiting != null) {
            later(awaiting, lane.deps.clock().instant());
        }
    }
}
