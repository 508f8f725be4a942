package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.FinalInvoiceStatus;
import dev.ksefplatform.worker.engine.domain.InFlightInvoice;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.SubmissionOutcome;
import dev.ksefplatform.worker.engine.domain.SubmissionOutcomes;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns KSeF's final statuses into outcomes and records them — online and batch alike. A 440 whose original is in a
 * session this command may already have reached is checked against that session's list: the same invoice hash under
 * the original KSeF number, not claimed by another command, means KSeF accepted this very command before a crash hid
 * it, and the outcome is ACCEPTED with that number.
 */
final class Verdicts {

    private final Lane lane;

    Verdicts(Lane lane) {
        this.lane = lane;
    }

    /** The outcome, or empty when an own earlier send cannot be confirmed now (no budget): ask again later. */
    Optional<SubmissionOutcome> outcome(InFlightInvoice invoice, FinalInvoiceStatus status, Lease lease) {
        if (!SubmissionOutcomes.mayBeOwnEarlierSend(status, invoice)) {
            return Optional.of(SubmissionOutcomes.of(status, invoice.invoiceNumber(), invoice.invoiceHash()));
        }
        return originalRef(invoice, status, lease).map(found -> found.isEmpty()
                ? SubmissionOutcomes.of(status, invoice.invoiceNumber(), invoice.invoiceHash())
                : SubmissionOutcomes.ownEarlierSend(status, found.get(), invoice.invoiceNumber(),
                        invoice.invoiceHash()));
    }

    void record(Map<InFlightInvoice, SubmissionOutcome> outcomes, Map<InFlightInvoice, FinalInvoiceStatus> statuses) {
        if (outcomes.isEmpty()) {
            return;
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<WorkerEvent> events = new ArrayList<>();
        outcomes.forEach((invoice, outcome) -> {
            names.put(invoice.ref().commandId(), outcome.getClass().getSimpleName().toUpperCase());
            FinalInvoiceStatus status = statuses.get(invoice);
            events.add(lane.audit.commandEvent(invoice.ref(), WorkerEvent.Audit.INVOICE_VERDICT, 200, null,
                    error(outcome), status == null ? null : status.code(), outcome));
        });
        lane.deps.store().finished(lane.key, names, events);
    }

    /**
     * Looks the original up in its session: present = confirmed (the original's invoice reference, or empty when it is
     * another command's), absent = not confirmable now.
     */
    private Optional<Optional<String>> originalRef(InFlightInvoice invoice, FinalInvoiceStatus status, Lease lease) {
        ListPages pages = new ListPages();
        String continuation = null;
        do {
            if (!lane.acquire(KsefLimit.SESSION_INVOICE_LIST, 1)) {
                return Optional.empty();
            }
            Ksef.SessionPage page = lane.deps.ksef().sessionInvoices(lane.key, lease.accessToken(),
                    status.originalSessionReferenceNumber(), false, continuation);
            for (Ksef.SessionInvoice listed : page.invoices()) {
                if (isTheOriginal(listed, invoice, status)) {
                    boolean ours = !lane.deps.store().invoiceRefTaken(lane.key, listed.invoiceRef(),
                            invoice.ref().commandId());
                    return Optional.of(ours ? Optional.of(listed.invoiceRef()) : Optional.empty());
                }
            }
            continuation = pages.next(page.continuation());
        } while (continuation != null);
        return Optional.of(Optional.empty());
    }

    private static boolean isTheOriginal(Ksef.SessionInvoice listed, InFlightInvoice invoice, FinalInvoiceStatus status) {
        return invoice.invoiceHash().equals(listed.invoiceHash()) && listed.status() != null
                && status.originalKsefNumber().equals(listed.status().ksefNumber());
    }

    private static String error(SubmissionOutcome outcome) {
        if (outcome instanceof SubmissionOutcome.Rejected r) {
            return r.ksefStatusCode() + " " + r.description();
        }
        if (outcome instanceof SubmissionOutcome.Duplicate d) {
            return "440 duplicate of " + d.originalKsefNumber();
        }
        return null;
    }
}
