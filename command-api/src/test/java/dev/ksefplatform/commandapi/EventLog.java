package dev.ksefplatform.commandapi;

import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceSent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes to {@code ksef.events.v1} what the worker writes once it has sent an invoice to KSeF. */
public final class EventLog {

    private final String bootstrapServers;

    EventLog(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void invoiceSent(String tenantId, String commandId) throws Exception {
        ProducerRecord<String, EventEnvelope> record = invoiceSentRecord(tenantId, commandId);
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new EventEnvelopeSerializer())) {
            producer.send(record).get(20, TimeUnit.SECONDS);
        }
    }

    /** The record the worker writes once it has sent {@code commandId}'s invoice (also the event-log benchmark's). */
    public static ProducerRecord<String, EventEnvelope> invoiceSentRecord(String tenantId, String commandId) {
        EventEnvelope event = EventEnvelope.newBuilder()
                .setMessageId(UUID.randomUUID().toString()).setTenantId(tenantId)
                .setCorrelationId(commandId).setCausationId(commandId)
                .setOccurredAt(Instant.now()).setSource("tenant-worker")
                .setAudit(AuditInfo.newBuilder().setOperation("ksef.invoice.send").setHttpStatus(202).build())
                .setPayload(InvoiceSent.newBuilder().setSessionReferenceNumber("20260605-SO-0000000001-AF")
                        .setInvoiceHash("aGFzaA==").build())
                .build();
        ProducerRecord<String, EventEnvelope> record = new ProducerRecord<>(Topics.EVENTS.name(), tenantId, event);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, tenantId);
        MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, commandId);
        MessageHeaders.put(record.headers(), MessageHeaders.CAUSATION_ID, commandId);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(event.getPayload()));
        MessageHeaders.put(record.headers(), MessageHeaders.SOURCE, "tenant-worker");
        return record;
    }
}
