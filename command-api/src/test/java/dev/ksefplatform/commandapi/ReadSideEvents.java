package dev.ksefplatform.commandapi;

import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InboxInvoiceReceived;
import dev.ksefplatform.schemas.v1.IntegrationRegistered;
import dev.ksefplatform.schemas.v1.IntegrationStatusChanged;
import dev.ksefplatform.schemas.v1.IntegrationVerified;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceSent;
import dev.ksefplatform.schemas.v1.SubmissionsHeld;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the worker and credential-service write to {@code ksef.events.v1}, for sync-service to fold. */
final class ReadSideEvents implements AutoCloseable {

    private final KafkaProducer<String, EventEnvelope> producer;

    ReadSideEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024), new StringSerializer(), new EventEnvelopeSerializer());
    }

    void received(String tenantId, String ksefNumber, String subjectType, String sellerNip, byte[] xml, Instant storedAt)
            throws Exception {
        publish(tenantId, "sync-" + tenantId, storedAt, InboxInvoiceReceived.newBuilder().setKsefNumber(ksefNumber)
                .setSubjectType(subjectType).setSellerNip(sellerNip).setPermanentStorageDate(storedAt)
                .setInvoiceHash(sha256(xml)).setXml(ByteBuffer.wrap(xml)).build());
    }

    void activeIntegration(String tenantId, String nip) throws Exception {
        String integrationId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        publish(tenantId, integrationId, now, IntegrationRegistered.newBuilder().setIntegrationId(integrationId)
                .setEnvironment("TEST").setTaxpayerNip(nip).setProviderNip(nip).setCredentialType("KSEF_TOKEN").build());
        publish(tenantId, integrationId, now, IntegrationVerified.newBuilder().setIntegrationId(integrationId)
                .setEnvironment("TEST").setTaxpayerNip(nip).setProviderNip(nip)
                .setScopes(List.of("InvoiceWrite", "InvoiceRead")).build());
    }

    void sent(String tenantId, String commandId, String invoiceNumber, Instant at) throws Exception {
        publish(tenantId, commandId, at, InvoiceSent.newBuilder().setSessionReferenceNumber("20261120-SO-1")
                .setInvoiceHash("aGFzaA==").setInvoiceNumber(invoiceNumber).build());
    }

    void accepted(String tenantId, String commandId, String ksefNumber, Instant at) throws Exception {
        publish(tenantId, commandId, at, InvoiceAccepted.newBuilder().setKsefNumber(ksefNumber).setInvoiceHash("aGFzaA==")
                .setSessionReferenceNumber("20261120-SO-1").setInvoiceReferenceNumber("20261120-EE-1").build());
    }

    /** The worker's copy of the invoice as it sent it, after the verdict. */
    void sentInvoiceStored(String tenantId, String commandId, String ksefNumber, byte[] xml, Instant at)
            throws Exception {
        publish(tenantId, commandId, at, dev.ksefplatform.schemas.v1.SentInvoiceStored.newBuilder()
                .setKsefNumber(ksefNumber).setSessionReferenceNumber("20261120-SO-1").setXml(ByteBuffer.wrap(xml))
                .setSha256(sha256(xml)).build());
    }

    /** The UPO the worker fetched from KSeF for an accepted invoice. */
    void upoReceived(String tenantId, String commandId, String ksefNumber, byte[] upo, Instant at) throws Exception {
        publish(tenantId, commandId, at, dev.ksefplatform.schemas.v1.UpoReceived.newBuilder()
                .setSessionReferenceNumber("20261120-SO-1").setKsefNumber(ksefNumber).setUpo(ByteBuffer.wrap(upo))
                .setSha256(sha256(upo)).build());
    }

    /** What the worker writes when it refuses a command outright, e.g. a {@code SyncInbox} it does not support yet. */
    void deadLettered(String tenantId, String commandId, Instant at) throws Exception {
        publish(tenantId, commandId, at, CommandDeadLettered.newBuilder()
                .setReason("SyncInbox is not supported by this worker yet").setTopic("ksef.commands.v1")
                .setPartition(0).setOffset(42).build());
    }

    /** credential-service's word that KSeF refused an integration, with what to do. */
    void integrationRefused(String tenantId, String integrationId, String nip, String reason, Instant at) throws Exception {
        publish(tenantId, integrationId, at, IntegrationStatusChanged.newBuilder().setIntegrationId(integrationId)
                .setEnvironment("TEST").setTaxpayerNip(nip).setFromStatus("ACTIVE").setToStatus("ERROR")
                .setReason(reason).build());
    }

    /** The worker's word that a context's submissions wait for an integration that cannot act. */
    void held(String tenantId, String nip, String detail, Instant at) throws Exception {
        publish(tenantId, "lane:TEST:" + nip, at, SubmissionsHeld.newBuilder().setContextNip(nip)
                .setReason("INTEGRATION_NOT_ACTIVE").setDetail(detail).setQueued(3).build());
    }

    private void publish(String tenantId, String correlationId, Instant at, Object payload) throws Exception {
        EventEnvelope event = EventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString()).setTenantId(tenantId)
                .setCorrelationId(correlationId).setCausationId(correlationId)
                .setOccurredAt(at.truncatedTo(ChronoUnit.MILLIS)).setSource("tenant-worker")
                .setAudit(AuditInfo.newBuilder().setOperation("ksef.test").build())
                .setPayload(payload).build();
        ProducerRecord<String, EventEnvelope> record = new ProducerRecord<>(Topics.EVENTS.name(), tenantId, event);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, tenantId);
        MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, correlationId);
        MessageHeaders.put(record.headers(), MessageHeaders.CAUSATION_ID, correlationId);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(payload));
        producer.send(record).get(20, TimeUnit.SECONDS);
    }

    static String sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Override
    public void close() {
        producer.close();
    }
}
