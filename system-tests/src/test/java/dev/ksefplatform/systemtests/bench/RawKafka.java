package dev.ksefplatform.systemtests.bench;

import dev.ksefplatform.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ceiling: the broker's produce rate for the very bytes of the benchmark's commands (so zstd compresses them as
 * it compresses the platform's own), with the platform's producer settings (acks=all, idempotence on, zstd), to a
 * scratch topic with as many partitions as the commands topic.
 */
final class RawKafka {

    private RawKafka() {
    }

    /** Records per second over the second of two rounds of all {@code values} (the first warms client and broker). */
    static double rate(String bootstrap, List<byte[]> values, String compression) {
        String topic = "bench-cost-raw-" + UUID.randomUUID();
        Map<String, Object> settings = new java.util.HashMap<>(DirectCommands.producerSettings(bootstrap));
        settings.put(org.apache.kafka.clients.producer.ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                     new ByteArraySerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, Topics.DEFAULT_PARTITIONS, (short) 1))).all().get();
            // one record per partition first: an idempotent producer's first batches to a topic whose leaders are
            // still being elected can be retried out of sequence
            for (int p = 0; p < Topics.DEFAULT_PARTITIONS; p++) {
                producer.send(new ProducerRecord<>(topic, p, "warm", values.get(0))).get();
            }
            round(producer, topic, values);
            return values.size() / round(producer, topic, values);
        } catch (Exception e) {
            throw new IllegalStateException("raw Kafka produce failed", e);
        }
    }

    private static double round(KafkaProducer<String, byte[]> producer, String topic, List<byte[]> values) throws Exception {
        long start = System.nanoTime();
        List<Future<?>> sends = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            sends.add(producer.send(new ProducerRecord<>(topic, "tenant-" + (i % 20), values.get(i))));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
