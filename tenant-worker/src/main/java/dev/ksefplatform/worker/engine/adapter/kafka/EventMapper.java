package dev.ksefplatform.worker.engine.adapter.kafka;

import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceSent;
import dev.ksefplatform.schemas.v1.KsefCallFailed;
import dev.ksefplatform.schemas.v1.RateLimited;
import dev.ksefplatform.schemas.v1.SessionClosed;
import dev.ksefplatform.schemas.v1.SessionOpened;
import dev.ksefplatform.schemas.v1.SubmissionsHeld;
import dev.ksefplatform.schemas.v1.SubmissionsResumed;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.SubmissionOutcome;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import dev.ksefplatform.worker.engine.domain.WorkerEvent.Payload;

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
                .setIntegrationId(audit.integrationId())
                .setKsefCode(audit.ksefCode())
                .setActor(actor(audit.actor()))
                .build();
    }

    private static Actor actor(CommandRef.Actor actor) {
        return actor == null ? null : Actor.newBuilder().setType(actor.type()).setId(actor.id())
                .setOnBehalfOf(actor.onBehalfOf()).build();
    }

    private static Object payload(Payload payload) {
        if (payload instanceof SubmissionOutcome outcome) {
            return OutcomeMapper.payload(outcome);
        }
        if (payload instanceof WorkerEvent.InvoiceSent sent) {
            return InvoiceSent.newBuilder().setSessionReferenceNumber(sent.sessionReferenceNumber())
                    .setSessionType(sent.type().wireName()).setInvoiceReferenceNumber(sent.invoiceReferenceNumber())
                    .setInvoiceHash(sent.invoiceHash()).setInvoiceNumber(sent.invoiceNumber())
                    .setBatchFileName(sent.batchFileName()).build();
        }
        if (payload instanceof WorkerEvent.SessionOpened opened) {
            return SessionOpened.newBuilder().setSessionReferenceNumber(opened.sessionReferenceNumber())
                    .setSessionType(opened.type().wireName()).setValidUntil(opened.validUntil()).build();
        }
        if (payload instanceof WorkerEvent.SessionClosed closed) {
            return SessionClosed.newBuilder().setSessionReferenceNumber(closed.sessionReferenceNumber())
                    .setSessionType(closed.type().wireName()).build();
        }
        return LaneMapper.payload(payload);
    }

    /** Events about a lane rather than one invoice. */
    private static final class LaneMapper {

        static Object payload(Payload payload) {
            if (payload instanceof WorkerEvent.SubmissionsHeld held) {
                return SubmissionsHeld.newBuilder().setContextNip(held.contextNip()).setEnvironment(held.environment())
                        .setReason(held.reason().name()).setDetail(held.detail()).setLimitGroup(held.limitGroup())
                        .setUntil(held.until()).setQueued(held.queued()).build();
            }
            if (payload instanceof WorkerEvent.SubmissionsResumed resumed) {
                return SubmissionsResumed.newBuilder().setContextNip(resumed.contextNip())
                        .setEnvironment(resumed.environment()).setQueued(resumed.queued()).build();
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
    }
}
