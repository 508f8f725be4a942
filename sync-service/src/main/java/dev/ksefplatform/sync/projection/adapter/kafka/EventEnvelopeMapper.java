package dev.ksefplatform.sync.projection.adapter.kafka;

import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceDuplicate;
import dev.ksefplatform.schemas.v1.InvoiceRejected;
import dev.ksefplatform.schemas.v1.InvoiceSent;
import dev.ksefplatform.schemas.v1.InvoiceSubmissionAbandoned;
import dev.ksefplatform.schemas.v1.SubmissionsHeld;
import dev.ksefplatform.schemas.v1.SubmissionsResumed;
import dev.ksefplatform.support.projection.adapter.kafka.EventMapper;
import dev.ksefplatform.support.projection.adapter.kafka.UnmappableEvent;
import dev.ksefplatform.sync.projection.domain.CommandRefused;
import dev.ksefplatform.sync.projection.domain.ContextHeld;
import dev.ksefplatform.sync.projection.domain.ContextResumed;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.SubmissionAccepted;
import dev.ksefplatform.sync.projection.domain.SubmissionDuplicate;
import dev.ksefplatform.sync.projection.domain.SubmissionFailed;
import dev.ksefplatform.sync.projection.domain.SubmissionRejected;
import dev.ksefplatform.sync.projection.domain.SubmissionSent;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.Optional;

/**
 * The one mapper of {@code ksef.events.v1}: Avro envelopes in, domain events out; other event types are empty.
 * Submission events are mapped here; inbox, integration and outgoing-document events by {@link InboxPayloads},
 * {@link IntegrationPayloads} and {@link DocumentPayloads}.
 */
public final class EventEnvelopeMapper implements EventMapper<SyncEvent> {

    /** @throws UnmappableEvent when the record carries no envelope (a tombstone) or an inconsistent payload */
    @Override
    public Optional<SyncEvent> toDomain(EventEnvelope envelope, String tenantKey) {
        if (envelope == null) {
            throw new UnmappableEvent("-", "record of key " + tenantKey + " has no value");
        }
        return toDomain(envelope);
    }

    public Optional<SyncEvent> toDomain(EventEnvelope envelope) {
        EventMeta meta = new EventMeta(envelope.getMessageId(), envelope.getTenantId(), envelope.getCorrelationId(),
                envelope.getOccurredAt(), envelope.getAudit() == null ? null : envelope.getAudit().getTenantNip());
        Object payload = envelope.getPayload();
        return submission(meta, payload)
                .or(() -> InboxPayloads.toDomain(meta, payload))
                .or(() -> IntegrationPayloads.toDomain(meta, payload))
                .or(() -> DocumentPayloads.toDomain(meta, payload));
    }

    private static Optional<SyncEvent> submission(EventMeta meta, Object payload) {
        if (payload instanceof InvoiceSent p) {
            return Optional.of(new SubmissionSent(meta, p.getSessionReferenceNumber(), p.getSessionType(),
                    p.getInvoiceReferenceNumber(), p.getInvoiceNumber()));
        }
        if (payload instanceof InvoiceAccepted p) {
            return Optional.of(new SubmissionAccepted(meta, p.getKsefNumber(), p.getKsefStatusCode(),
                    p.getInvoiceNumber(), p.getSessionReferenceNumber(), p.getInvoiceReferenceNumber(),
                    p.getUpoDownloadUrl()));
        }
        if (payload instanceof InvoiceRejected p) {
            return Optional.of(new SubmissionRejected(meta, p.getKsefStatusCode(), p.getDescription(), p.getDetails(),
                    p.getInvoiceNumber(), p.getSessionReferenceNumber(), p.getInvoiceReferenceNumber()));
        }
        if (payload instanceof InvoiceDuplicate p) {
            return Optional.of(new SubmissionDuplicate(meta, p.getOriginalKsefNumber(), p.getKsefStatusCode(),
                    p.getInvoiceNumber(), p.getSessionReferenceNumber(), p.getInvoiceReferenceNumber()));
        }
        return failureOrHold(meta, payload);
    }

    private static Optional<SyncEvent> failureOrHold(EventMeta meta, Object payload) {
        if (payload instanceof InvoiceSubmissionAbandoned p) {
            return Optional.of(new SubmissionFailed(meta, p.getReason(), p.getInvoiceNumber()));
        }
        if (payload instanceof CommandDeadLettered p) {
            return Optional.of(new CommandRefused(meta, p.getReason(), p.getTopic()));
        }
        if (payload instanceof SubmissionsHeld p) {
            return Optional.of(new ContextHeld(meta, p.getContextNip(), p.getEnvironment(), p.getReason(),
                    p.getDetail(), p.getLimitGroup(), p.getUntil(), p.getQueued()));
        }
        if (payload instanceof SubmissionsResumed p) {
            return Optional.of(new ContextResumed(meta, p.getContextNip(), p.getEnvironment(), p.getQueued()));
        }
        return Optional.empty();
    }
}
