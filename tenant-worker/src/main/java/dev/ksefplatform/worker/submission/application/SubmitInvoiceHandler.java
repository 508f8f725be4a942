package dev.ksefplatform.worker.submission.application;

import dev.ksefplatform.worker.submission.application.KsefSubmissions.KsefReceipt;
import dev.ksefplatform.worker.submission.application.TenantCredentials.LeaseRequest;
import dev.ksefplatform.worker.submission.domain.InvoiceSubmission;
import dev.ksefplatform.worker.submission.domain.SubmissionOutcome;
import dev.ksefplatform.worker.submission.domain.SubmissionOutcome.Abandoned;
import dev.ksefplatform.worker.submission.domain.SubmissionOutcomes;
import dev.ksefplatform.worker.submission.domain.WorkerEvent;
import dev.ksefplatform.worker.submission.domain.WorkerEvent.Audit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Leases the tenant's token, submits the invoice and records exactly one outcome event. Final refusals
 * become outcomes; transient failures propagate as {@link TransientFailure} so the command is retried.
 */
public class SubmitInvoiceHandler {

    private static final int KSEF_OK = 200;

    private final TenantCredentials credentials;
    private final KsefSubmissions ksef;
    private final WorkerEvents events;
    private final EventFactory eventFactory;
    private final Clock clock;

    public SubmitInvoiceHandler(TenantCredentials credentials, KsefSubmissions ksef, WorkerEvents events,
                                EventFactory eventFactory, Clock clock) {
        this.credentials = credentials;
        this.ksef = ksef;
        this.events = events;
        this.eventFactory = eventFactory;
        this.clock = clock;
    }

    public SubmissionOutcome handle(InvoiceSubmission submission) {
        Instant start = clock.instant();
        try {
            Lease lease = credentials.lease(new LeaseRequest(submission.command().tenantId(),
                    submission.environment(), submission.contextNip(), LeaseRequest.INVOICE_WRITE));
            return submitted(submission, ksef.submit(submission, lease.accessToken()), start);
        } catch (CredentialLeaseDenied e) {
            return abandoned(submission, "credential lease denied: " + e.getMessage(), 403, start);
        } catch (KsefRefusal e) {
            return abandoned(submission, e.getMessage(), e.httpStatus(), start);
        }
    }

    private SubmissionOutcome submitted(InvoiceSubmission submission, KsefReceipt receipt, Instant start) {
        SubmissionOutcome outcome = SubmissionOutcomes.of(receipt.status(), submission.invoiceNumber());
        Audit audit = audit(submission, KSEF_OK, start, errorOf(outcome));
        List<WorkerEvent> recorded = new ArrayList<>();
        recorded.add(eventFactory.event(submission.command(), audit,
                new WorkerEvent.SessionOpened(receipt.sessionReferenceNumber(), receipt.sessionValidUntil())));
        if (receipt.sessionClosed()) {
            recorded.add(eventFactory.event(submission.command(), audit,
                    new WorkerEvent.SessionClosed(receipt.sessionReferenceNumber())));
        }
        recorded.add(eventFactory.event(submission.command(), audit, outcome));
        events.publish(recorded);
        return outcome;
    }

    private SubmissionOutcome abandoned(InvoiceSubmission submission, String reason, Integer httpStatus,
                                        Instant start) {
        Abandoned outcome = new Abandoned(reason, 1, submission.invoiceNumber());
        Audit audit = audit(submission, httpStatus, start, reason);
        events.publish(List.of(eventFactory.event(submission.command(), audit, outcome)));
        return outcome;
    }

    private Audit audit(InvoiceSubmission submission, Integer httpStatus, Instant start, String error) {
        long millis = Duration.between(start, clock.instant()).toMillis();
        return new Audit(Audit.SUBMIT, submission.contextNip(), null, httpStatus, millis, error);
    }

    private static String errorOf(SubmissionOutcome outcome) {
        if (outcome instanceof SubmissionOutcome.Rejected r) {
            return r.ksefStatusCode() + " " + r.description();
        }
        if (outcome instanceof SubmissionOutcome.Duplicate d) {
            return "440 duplicate of " + d.originalKsefNumber();
        }
        return null;
    }
}
