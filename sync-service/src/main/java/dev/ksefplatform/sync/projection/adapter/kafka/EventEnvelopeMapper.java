package dev.ksefplatform.sync.projection.adapter.kafka;

import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InboxInvoiceReceived;
import dev.ksefplatform.schemas.v1.InboxSyncCompleted;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceDuplicate;
import dev.ksefplatform.schemas.v1.InvoiceRejected;
import dev.ksefplatform.schemas.v1.InvoiceSubmissionAbandoned;
import dev.ksefplatform.support.projection.adapter.kafka.EventMapper;
import dev.ksefplatform.support.projection.adapter.kafka.UnmappableEvent;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.InboxSynced;
import dev.ksefplatform.sync.projection.domain.InvoiceReceived;
import dev.ksefplatform.sync.projection.domain.SubmissionAccepted;
import dev.ksefplatform.sync.projection.domain.SubmissionDuplicate;
import dev.ksefplatform.sync.projection.domain.SubmissionFailed;
import dev.ksefplatform.sync.projection.domain.SubmissionRejected;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The one mapper of {@code ksef.events.v1}: Avro envelopes in, domain events out; other event types are empty. */
public final class EventEnvelopeMapper implements EventMapper<SyncEvent> {

    /** @throws UnmappableEvent when the record carries no envelope (a tombstone) */
    @Override
    public Optional<SyncEvent> toDomain(EventEnvelope envelope, String tenantKey) {
        if (envelope == null) {
            throw new UnmappableEvent("-", "record of key " + tenantKey + " has no value");
        }
        return toDomain(envelope);
    }

    public Optional<SyncEvent> toDomain(EventEnvelope envelope) {
        EventMeta meta = new EventMeta(envelope.getMessageId(), envelope.getTenantId(), envelope.getCorrelationId(),
                envelope.getOccurredAt());
        Object payload = envelope.getPayload();
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
        if (payload instanceof InvoiceSubmissionAbandoned p) {
            return Optional.of(new SubmissionFailed(meta, p.getReason(), p.getInvoiceNumber()));
        }
        if (payload instanceof CommandDeadLettered p) {
            return Optional.of(new SubmissionFailed(meta, p.getReason(), null));
        }
        return inboxEvent(meta, payload);
    }

    private Optional<SyncEvent> inboxEvent(EventMeta meta, Object payload) {
        if (payload instanceof InboxInvoiceReceived p) {
            return Optional.of(new InvoiceReceived(meta, p.getKsefNumber(), p.getSubjectType(), p.getSellerNip(),
                    p.getInvoiceNumber(), issueDate(meta, p.getIssueDate()), p.getPermanentStorageDate(),
                    p.getInvoiceHash(), bytes(p.getXml())));
        }
        if (payload instanceof InboxSyncCompleted p) {
            return Optional.of(
                    new InboxSynced(meta, p.getSubjectType(), p.getHighWaterMark(), p.getInvoicesReceived()));
        }
        return Optional.empty();
    }

    private static LocalDate issueDate(EventMeta meta, String isoDate) {
        try {
            return isoDate == null ? null : LocalDate.parse(isoDate);
        } catch (DateTimeParseException e) {
            throw new UnmappableEvent(meta.eventId(), "issueDate is not yyyy-MM-dd");
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
