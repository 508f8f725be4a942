package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.FinalInvoiceStatus;
import dev.ksefplatform.worker.engine.domain.InFlightInvoice;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.SubmissionOutcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects online verdicts apart from sending: the invoices whose next poll is due are asked for, within the
 * {@code invoiceStatus} budget, and each one that KSeF decided ends with its one final event.
 */
final class VerdictSteps {

    private final Lane lane;
    private final Verdicts verdicts;

    VerdictSteps(Lane lane) {
        this.lane = lane;
        this.verdicts = new Verdicts(lane);
    }

    void poll(int max) {
        Instant now = lane.deps.clock().instant();
        List<LaneState.Awaiting> due = lane.state.awaiting.values().stream().filter(a -> !a.due().isAfter(now))
                .sorted(Comparator.comparing(LaneState.Awaiting::due)).limit(max).toList();
        if (due.isEmpty()) {
            return;
        }
        Lease lease = lane.lease(TenantCredentials.INVOICE_WRITE);
        Map<InFlightInvoice, FinalInvoiceStatus> decided = new LinkedHashMap<>();
        try {
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
        lane.state.awaiting.put(awaiting.invoice().ref().commandId(),
                new LaneState.Awaiting(awaiting.invoice(),
                        now.plus(lane.deps.retries().poll(polls, lane.state.awaiting.size())), polls));
    }

    /** A 440 that may be this command's own earlier send, not confirmable now (budget): asked again later. */
    private void postpone(InFlightInvoice invoice) {
        LaneState.Awaiting awaiting = lane.state.awaiting.get(invoice.ref().commandId());
        if (awaiting != null) {
            later(awaiting, lane.deps.clock().instant());
        }
    }
}
