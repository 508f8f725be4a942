package dev.ksefplatform.sync.bench;

import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceDuplicate;
import dev.ksefplatform.schemas.v1.InvoiceSubmissionAbandoned;
import dev.ksefplatform.schemas.v1.KsefCallRecorded;
import dev.ksefplatform.sync.TestEvents;
import dev.ksefplatform.sync.support.Fa3Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fills {@code ksef.events.v1} with a realistic mix over many tenants: each tenant's integration registered and
 * verified; per submission an InvoiceSent, two KsefCallRecorded and its outcome (accepted 90 %, rejected 5 %,
 * duplicate 3 %, abandoned 2 %); one received invoice (an official FA(3) sample, 3–13 kB) per 25 submissions and
 * an InboxSyncCompleted per 4 of them; a hold and its release per 500 submissions. Seeded, so every run is alike.
 */
final class EventLogFiller {

    private static final List<byte[]> INVOICES = List.of(Fa3Samples.bytes(Fa3Samples.PDFGEN, "-", "-"),
            Fa3Samples.bytes(Fa3Samples.CSHARP, TestEvents.NIP, "1"), Fa3Samples.bytes(Fa3Samples.JAVA, TestEvents.NIP, "2"));

    private final Random random = new Random(42);
    private final Map<String, Integer> counts = new TreeMap<>();
    private final EventEnvelopeSerializer serializer = new EventEnvelopeSerializer();
    private final KafkaProducer<String, byte[]> producer;
    private final int tenants;
    private Instant at = Instant.parse("2026-11-01T00:00:00Z");
    private long sent;

    EventLogFiller(String bootstrapServers, int tenants) {
        this.tenants = tenants;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes at least {@code events} events; returns how many. */
    long fill(long events) {
        for (int t = 0; t < tenants; t++) {
            publish(TestEvents.registered(tenant(t), integration(tenant(t)), tick()));
            publish(TestEvents.verified(tenant(t), integration(tenant(t)), List.of("InvoiceRead", "InvoiceWrite"), tick()));
        }
        for (long submission = 0; sent < events; submission++) {
            submit(tenant(random.nextInt(tenants)), submission);
        }
        producer.flush();
        producer.close();
        return sent;
    }

    Map<String, Integer> counts() {
        return counts;
    }

    private void submit(String tenant, long submission) {
        String commandId = UUID.randomUUID().toString();
        publish(through(TestEvents.envelope(tenant, commandId, tick(), TestEvents.sent(tenant, commandId).getPayload())));
        publish(through(call(tenant, commandId, "/sessions/online/{referenceNumber}/invoices")));
        publish(through(call(tenant, commandId, "/sessions/{referenceNumber}/invoices/{invoiceReferenceNumber}")));
        publish(through(outcome(tenant, commandId, random.nextInt(100))));
        if (submission % 25 == 24) {
            receive(tenant, submission);
        }
        if (submission % 500 == 499) {
            publish(TestEvents.held(tenant, "RATE_LIMIT", at.plus(Duration.ofMinutes(20))));
            publish(TestEvents.resumed(tenant));
        }
    }

    private EventEnvelope outcome(String tenant, String commandId, int dice) {
        if (dice < 90) {
            return TestEvents.accepted(tenant, commandId, "5265877635-20261122-" + Long.toHexString(random.nextLong()));
        }
        if (dice < 95) {
            return TestEvents.rejected(tenant, commandId);
        }
        if (dice < 98) {
            return TestEvents.envelope(tenant, commandId, tick(), InvoiceDuplicate.newBuilder()
                    .setOriginalKsefNumber("5265877635-20261101-0000000000-00").setInvoiceNumber("FV/9").build());
        }
        return TestEvents.envelope(tenant, commandId, tick(), InvoiceSubmissionAbandoned.newBuilder()
                .setReason("retries exhausted").setAttempts(8).build());
    }

    private void receive(String tenant, long submission) {
        String ksef = "6808208874-20261121-" + String.format("%012X", submission) + "-00";
        publish(through(TestEvents.received(tenant, ksef, "Subject2", INVOICES.get((int) (submission % INVOICES.size())), tick())));
        if (submission % 100 == 99) {
            publish(through(TestEvents.synced(tenant, "sync-" + submission, "Subject2", at, tick())));
        }
    }

    private EventEnvelope call(String tenant, String commandId, String endpoint) {
        return TestEvents.envelope(tenant, commandId, tick(), KsefCallRecorded.newBuilder().setMethod("POST")
                .setEndpoint(endpoint).build());
    }

    /**
     * As the worker sends them, through the tenant's integration. Before 2026-12-06 they named none, and audit-projector
     * recorded a traceability violation, and logged an alarm, for every accepted and received invoice of the benchmark:
     * work a real event log does not cause.
     */
    private static EventEnvelope through(EventEnvelope event) {
        event.getAudit().setIntegrationId(integration(event.getTenantId()));
        return event;
    }

    private void publish(EventEnvelope event) {
        String type = MessageTypes.of(event.getPayload());
        counts.merge(type, 1, Integer::sum);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENTS.name(), event.getTenantId(),
                serializer.serialize(Topics.EVENTS.name(), event));
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, event.getTenantId());
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_TYPE, type);
        producer.send(record);
        sent++;
    }

    private Instant tick() {
        at = at.plusMillis(7);
        return at;
    }

    private static String tenant(int t) {
        return "bench-tenant-" + t;
    }

    private static String integration(String tenant) {
        return "i-" + tenant;
    }
}
