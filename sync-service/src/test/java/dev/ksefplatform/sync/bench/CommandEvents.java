package dev.ksefplatform.sync.bench;

import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.KsefCallRecorded;
import dev.ksefplatform.sync.TestEvents;
import dev.ksefplatform.sync.support.Fa3Samples;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The events one accepted SubmitInvoice puts on {@code ksef.events.v1}, as in the cost benchmark's runs (about six per
 * invoice): InvoiceSent, two KsefCallRecorded, InvoiceAccepted, SentInvoiceStored (the invoice's XML, an official
 * FA(3) sample) and UpoReceived, keyed by one of {@code tenants} tenants whose integrations are registered first.
 * Publishes all at once (the Kafka phase) or paced at a rate of commands per second (the REST phase's trickle).
 */
final class CommandEvents implements AutoCloseable {

    static final int PER_COMMAND = 6;
    private static final byte[] XML = Fa3Samples.bytes(Fa3Samples.CSHARP, TestEvents.NIP, "1");
    private static final byte[] UPO = "<Potwierdzenie>UPO</Potwierdzenie>".getBytes();

    private final EventEnvelopeSerializer serializer = new EventEnvelopeSerializer();
    private final KafkaProducer<String, byte[]> producer;
    private final int tenants;
    private long commands;
    private long sent;

    CommandEvents(String bootstrapServers, int tenants) {
        this.tenants = tenants;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES),
                new StringSerializer(), new ByteArraySerializer());
        for (int t = 0; t < tenants; t++) {
            publish(TestEvents.registered(tenant(t), integration(tenant(t)), Instant.now()));
            publish(TestEvents.verified(tenant(t), integration(tenant(t)), List.of("InvoiceRead", "InvoiceWrite"), Instant.now()));
        }
        producer.flush();
    }

    /** Publishes the events of {@code count} commands, {@code perSecond} commands a second (0: as fast as it can). */
    void publish(long count, int perSecond) {
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            if (perSecond > 0) {
                LockSupport.parkNanos(start + i * 1_000_000_000L / perSecond - System.nanoTime());
            }
            command();
        }
        producer.flush();
    }

    /** Every record published so far, the integrations' included. */
    long sent() {
        return sent;
    }

    private void command() {
        String tenant = tenant((int) (commands++ % tenants));
        String commandId = UUID.randomUUID().toString();
        String ksefNumber = TestEvents.NIP + "-20261122-" + String.format("%010X", commands) + "-00";
        publish(through(tenant, TestEvents.sent(tenant, commandId)));
        publish(through(tenant, call(tenant, commandId, "/sessions/online/{referenceNumber}/invoices")));
        publish(through(tenant, call(tenant, commandId, "/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}")));
        publish(through(tenant, TestEvents.accepted(tenant, commandId, ksefNumber)));
        publish(through(tenant, TestEvents.sentInvoiceStored(tenant, commandId, ksefNumber, XML)));
        publish(through(tenant, TestEvents.upoReceived(tenant, commandId, ksefNumber, UPO)));
    }

    /** As the worker sends them: through the tenant's integration, so the audit's traceability check passes. */
    private static EventEnvelope through(String tenant, EventEnvelope event) {
        event.getAudit().setIntegrationId(integration(tenant));
        return event;
    }

    private static EventEnvelope call(String tenant, String commandId, String endpoint) {
        return TestEvents.envelope(tenant, commandId, KsefCallRecorded.newBuilder().setMethod("POST")
                .setEndpoint(endpoint).build());
    }

    private void publish(EventEnvelope event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENTS.name(), event.getTenantId(),
                serializer.serialize(Topics.EVENTS.name(), event));
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, event.getTenantId());
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(event.getPayload()));
        producer.send(record);
        sent++;
    }

    private static String integration(String tenant) {
        return "i-" + tenant;
    }

    private static String tenant(int t) {
        return "cost-tenant-" + t;
    }

    @Override
    public void close() {
        producer.close();
    }
}
