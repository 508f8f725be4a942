package dev.ksefplatform.worker.upo.adapter.kafka;

import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.SentInvoiceStored;
import dev.ksefplatform.schemas.v1.UpoReceived;
import dev.ksefplatform.worker.engine.adapter.kafka.AvroEventEncoder;
import dev.ksefplatform.worker.engine.application.EventEncoder.Encoded;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.upo.application.UpoEvents;
import dev.ksefplatform.worker.upo.domain.UpoFetch;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

/**
 * {@code SentInvoiceStored} and {@code UpoReceived} (contract with sync-service): keyed by tenant, correlated and caused
 * by the {@code SubmitInvoice}, {@code audit.tenantNip} = the context, the integration and provider that sent the
 * invoice. Both carry the document byte for byte with the Base64 SHA-256 of exactly those bytes. The sent XML's is
 * the invoice hash the intake computed of the same bytes and KSeF accepted (the row's {@code invoice_hash}), not
 * hashed again: a second SHA-256 of every invoice was 3 % of the worker's CPU samples in a cost run.
 */
public class AvroUpoEvents implements UpoEvents {

    static final String OPERATION_DOCUMENT = "platform.document.sent";
    static final String OPERATION_UPO = "ksef.upo.fetch";

    private final AvroEventEncoder encoder;
    private final Clock clock;

    public AvroUpoEvents(AvroEventEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public Encoded sentInvoiceStored(UpoFetch fetch, byte[] xml) {
        return encoder.record(envelope(fetch, OPERATION_DOCUMENT, SentInvoiceStored.newBuilder()
                .setKsefNumber(fetch.ksefNumber()).setInvoiceNumber(fetch.invoiceNumber())
                .setSessionReferenceNumber(fetch.sessionRef()).setAcquiredAt(fetch.acquiredAt())
                .setXml(ByteBuffer.wrap(xml)).setSha256(fetch.invoiceHash() != null ? fetch.invoiceHash() : sha256(xml))
                .build()));
    }

    @Override
    public Encoded upoReceived(UpoFetch fetch, byte[] upo) {
        return encoder.record(envelope(fetch, OPERATION_UPO, UpoReceived.newBuilder()
                .setSessionReferenceNumber(fetch.sessionRef()).setKsefNumber(fetch.ksefNumber()).setPage(1)
                .setUpo(ByteBuffer.wrap(upo)).setSha256(sha256(upo)).build()));
    }

    private EventEnvelope envelope(UpoFetch fetch, String operation, Object payload) {
        CommandRef.Actor actor = fetch.ref().actor();
        AuditInfo audit = AuditInfo.newBuilder().setOperation(operation).setTenantNip(fetch.lane().contextNip())
                .setProviderNip(fetch.providerNip()).setIntegrationId(fetch.integrationId())
                .setActor(actor == null ? null : Actor.newBuilder().setType(actor.type()).setId(actor.id())
                        .setOnBehalfOf(actor.onBehalfOf()).build())
                .build();
        return EventEnvelope.newBuilder().setMessageId(UUID.randomUUID().toString())
                .setTenantId(fetch.ref().tenantId()).setCorrelationId(fetch.ref().correlationId())
                .setCausationId(fetch.ref().commandId()).setOccurredAt(clock.instant()).setSource("tenant-worker")
                .setAudit(audit).setPayload(payload).build();
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
