package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceDuplicate;
import dev.ksefplatform.schemas.v1.InvoiceRejected;
import dev.ksefplatform.schemas.v1.InvoiceSubmissionAbandoned;
import dev.ksefplatform.schemas.v1.KsefCallFailed;
import dev.ksefplatform.schemas.v1.RateLimited;
import dev.ksefplatform.schemas.v1.SessionClosed;
import dev.ksefplatform.schemas.v1.SessionOpened;
import dev.ksefplatform.worker.submission.domain.SubmissionOutcome;
import dev.ksefplatform.worker.submission.domain.WorkerEvent;
import dev.ksefplatform.worker.submission.domain.WorkerEvent.Payload;

/** Turns the worker's events into {@code ksef.events.v1} envelopes. */
final class EventMapper {

    static final String SOURCE = "tenant-worker";

    private EventMapper() {
    }

    static EventEnvelope envelope(WorkerEvent event) {
        return EventEnvelope.newBuilder()
                .setMessageId(event.eventId())
                .setTenantId(event.cause().tenantId())
                .setCorrelationId(event.cause().correlationId())
                .setCausationId(event.cause().commandId())
                .setOccurredAt(event.occurredAt())
                .setSource(SOURCE)
                .setAudit(audit(event.audit()))
                .setPayload(payload(event.payload()))
                .build();
    }

    private static AuditInfo audit(WorkerEvent.Audit audit) {
        return AuditInfo.newBuilder()
                .setOperation(audit.operation())
                .setTenantNip(audit.tenantNip())
                .setProviderNip(audit.providerNip())
                .setHttpStatus(audit.httpStatus())
                .setDurationMillis(audit.durationMillis())
                .setError(audit.error())
                .build();
    }

    private static Object payload(Payload payload) {
        if (payload instanceof SubmissionOutcome outcome) {
            return OutcomeMapper.payload(outcome);
        }
        if (payload instanceof WorkerEvent.SessionOpened opened) {
            return SessionOpened.newBuilder().setSessionReferenceNumber(opened.sessionReferenceNumber())
                    .setValidUntil(opened.validUntil()).build();
        }
        if (payload instanceof WorkerEvent.SessionClosed closed) {
            return SessionClosed.newBuilder().setSessionReferenceNumber(closed.sessionReferenceNumber()).build();
        }
        if (payload instanceof WorkerEvent.CallFailed failed) {
            return KsefCallFailed.newBuilder().setErrorCode(failed.errorCode()).setMessage(failed.message())
                    .setRetryable(failed.retryable()).setAttempt(failed.attempt()).build();
        }
        if (payload instanceof WorkerEvent.RateLimited limited) {
            return RateLimited.newBuilder().setRetryAfterSeconds(limited.retryAfterSeconds()).build();
        }
        WorkerEvent.CommandDeadLettered dead = (WorkerEvent.CommandDeadLettered) payload;
        return CommandDeadLettered.newBuilder().setReason(dead.reason()).setTopic(dead.topic())
                .setPartition(dead.partition()).setOffset(dead.offset()).build();
    }

    private static final class OutcomeMapper {

        static Object payload(SubmissionOutcome outcome) {
            if (outcome instanceof SubmissionOutcome.Accepted a) {
                return InvoiceAccepted.newBuilder().setKsefNumber(a.ksefNumber()).setInvoiceNumber(a.invoiceNumber())
                        .setInvoiceHash(a.invoiceHash()).setSessionReferenceNumber(a.sessionReferenceNumber())
                        .setInvoiceReferenceNumber(a.invoiceReferenceNumber()).setAcquiredAt(a.acquiredAt())
                        .setUpoDownloadUrl(a.upoDownloadUrl()).build();
            }
            if (outcome instanceof SubmissionOutcome.Rejected r) {
                return InvoiceRejected.newBuilder().setKsefStatusCode(r.ksefStatusCode())
                        .setDescription(r.description()).setDetails(r.details()).setInvoiceNumber(r.invoiceNumber())
                        .setSessionReferenceNumber(r.sessionReferenceNumber())
                        .setInvoiceReferenceNumber(r.invoiceReferenceNumber()).build();
            }
            if (outcome instanceof SubmissionOutcome.Duplicate d) {
                return InvoiceDuplicate.newBuilder().setOriginalKsefNumber(d.originalKsefNumber())
                        .setOriginalSessionReferenceNumber(d.originalSessionReferenceNumber())
                        .setInvoiceNumber(d.invoiceNumber()).setSessionReferenceNumber(d.sessionReferenceNumber())
                        .setInvoiceReferenceNumber(d.invoiceReferenceNumber()).build();
            }
            SubmissionOutcome.Abandoned abandoned = (SubmissionOutcome.Abandoned) outcome;
            return InvoiceSubmissionAbandoned.newBuilder().setReason(abandoned.reason())
                    .setAttempts(abandoned.attempts()).setInvoiceNumber(abandoned.invoiceNumber()).build();
        }
    }
}
