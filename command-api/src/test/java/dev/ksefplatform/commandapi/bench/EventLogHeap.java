package dev.ksefplatform.commandapi.bench;

import dev.ksefplatform.commandapi.EventLog;
import dev.ksefplatform.commandapi.Invoices;
import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.testsupport.RetainedHeap;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Heap the event-log watcher retains per invoice whose events it has fetched and not yet stored: {@code gateway.commands}
 * locked, so the batch's UPDATE waits, while six events per invoice are published (the watcher reads headers only,
 * so the values are what the worker's producer would send in size and kind: five small {@code InvoiceSent}s and the
 * 5 KB invoice XML standing for the event that carries it), zstd-compressed as the worker's relay sends them.
 */
final class EventLogHeap {

    static final int EVENTS = 6;

    private EventLogHeap() {
    }

    /** Bytes per invoice; {@code tenantIds} spread the events over the partitions (keys). */
    static double perInvoice(EmbeddedPostgres postgres, String kafka, java.util.List<String> tenantIds, int invoices)
            throws Exception {
        byte[] xml = Invoices.bytes("5260250995", "EVENT-LOG");
        try (Connection lock = postgres.connect(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("LOCK TABLE gateway.commands IN EXCLUSIVE MODE");
            RetainedHeap none = RetainedHeap.take();
            try (KafkaProducer<String, byte[]> producer = producer(kafka)) { // closed: its buffers are not measured
                for (int i = 0; i < invoices; i++) {
                    String commandId = UUID.randomUUID().toString();
                    for (int e = 0; e < EVENTS; e++) {
                        producer.send(record(tenantIds.get(i % tenantIds.size()), commandId,
                                e == EVENTS - 1 ? xml : null));
                    }
                }
            }
            awaitWaiting(postgres);
            Thread.sleep(3_000);
            RetainedHeap held = RetainedHeap.take();
            lock.rollback();
            held.growth(none, invoices, 10).forEach(System.out::println);
            return held.perItem(none, invoices);
        }
    }

    /** An event's record as the worker writes it, its value replaced by {@code value} when given. */
    private static ProducerRecord<String, byte[]> record(String tenantId, String commandId, byte[] value) {
        ProducerRecord<String, EventEnvelope> event = EventLog.invoiceSentRecord(tenantId, commandId);
        byte[] bytes = value != null ? value : SERIALIZER.serialize(event.topic(), event.value());
        return new ProducerRecord<>(Topics.EVENTS.name(), null, event.key(), bytes, event.headers());
    }

    private static final EventEnvelopeSerializer SERIALIZER = new EventEnvelopeSerializer();

    private static void awaitWaiting(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND query LIKE '%UPDATE gateway.commands%'")) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
    }

    /** The worker relay's producer settings (tenant-worker.yml): acks=all, idempotent, zstd, linger 5 ms. */
    private static KafkaProducer<String, byte[]> producer(String kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 9437184), new StringSerializer(), new ByteArraySerializer());
    }
}
