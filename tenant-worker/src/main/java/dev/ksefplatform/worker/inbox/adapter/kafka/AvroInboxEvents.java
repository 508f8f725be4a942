package dev.ksefplatform.worker.inbox.adapter.kafka;

import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InboxInvoiceReceived;
import dev.ksefplatform.schemas.v1.InboxSyncCompleted;
import dev.ksefplatform.schemas.v1.InboxSyncFailed;
import dev.ksefplatform.worker.engine.adapter.kafka.AvroEventEncoder;
import dev.ksefplatform.worker.engine.application.EventEncoder.Encoded;
import dev.ksefplatform.worker.engine.application.Lease;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.inbox.application.InboxEvents;
import dev.ksefplatform.worker.inbox.domain.Checkpoint;
import dev.ksefplatform.worker.inbox.domain.InboxSync;
import dev.ksefplatform.worker.inbox.domain.ReceivedInvoice;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

/**
 * The inbox's events on {@code ksef.events.v1} (contract with sync-service): keyed by tenant, correlated and caused by
 * the {@code SyncInbox} command, {@code audit.tenantNip} = the context, the integration and provider of the lease.
 * The XML travels in the event, byte for byte, with the Base64 SHA-256 of exactly those bytes; the producer's zstd
 * compression keeps FA(3) records small (an FA(3) document is far below the topic's record limit).
 */
public class AvroInboxEvents implements InboxEvents {

    static final String OPERATION_RECEIVE = "ksef.inbox.receive";
    static final String OPERATION_SYNC = "ksef.inbox.sync";

    private final AvroEventEncoder encoder;
    private final Clock clock;

    public AvroInboxEvents(AvroEventEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public Encoded received(InboxSync sync, Lease lease, ReceivedInvoice invoice) {
        return encoder.record(envelope(sync, audit(sync, lease, OPERATION_RECEIVE, null), InboxInvoiceReceived.newBuilder()
                .setKsefNumber(invoice.ksefNumber()).setSubjectType(sync.subjectType())
                .setSellerNip(invoice.sellerNip() == null ? "" : invoice.sellerNip())
                .setInvoiceNumber(invoice.invoiceNumber())
                .setIssueDate(invoice.issueDate() == null ? null : invoice.issueDate().toString())
                .setPermanentStorageDate(invoice.permanentStorageDate()).setInvoiceHash(sha256(invoice.xml()))
                .setXml(ByteBuffer.wrap(invoice.xml())).build()));
    }

    @Override
    public Encoded completed(InboxSync sync, Lease lease, Checkpoint next, int invoicesReceived) {
        return encoder.record(envelope(sync, audit(sync, lease, OPERATION_SYNC, null), InboxSyncCompleted.newBuilder()
                .setSubjectType(sync.subjectType()).setHighWaterMark(next.from())
                .setInvoicesReceived(invoicesReceived).build()));
    }

    @Override
    public Encoded failed(InboxSync sync, Lease lease, String reason, boolean retryable, Checkpoint next) {
        return encoder.record(envelope(sync, audit(sync, lease, OPERATION_SYNC, reason), InboxSyncFailed.newBuilder()
                .setSubjectType(sync.subjectType()).setReason(reason == null ? "unknown" : reason)
                .setRetryable(retryable).setHighWaterMark(next.from()).build()));
    }

    private EventEnvelope envelope(InboxSync sync, AuditInfo audit, Object payload) {
        return EventEnvelope.newBuilder().setMessageId(UUID.randomUUID().toString())
                .setTenantId(sync.ref().tenantId()).setCorrelationId(sync.ref().correlationId())
                .setCausationId(sync.ref().commandId()).setOccurredAt(clock.instant()).setSource("tenant-worker")
                .setAudit(audit).setPayload(payload).build();
    }

    private static AuditInfo audit(InboxSync sync, Lease lease, String operation, String error) {
        CommandRef.Actor actor = sync.ref().actor();
        return AuditInfo.newBuilder().setOperation(operation).setTenantNip(sync.lane().contextNip())
                .setProviderNip(lease == null ? null : lease.providerNip())
                .setIntegrationId(lease == null ? null : lease.integrationId()).setError(error)
                .setActor(actor == null ? null : Actor.newBuilder().setType(actor.type()).setId(actor.id())
                        .setOnBehalfOf(actor.onBehalfOf()).build())
                .build();
    }

    private static String sha256(byte[] xml) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(xml));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
