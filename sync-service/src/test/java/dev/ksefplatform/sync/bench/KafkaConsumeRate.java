package dev.ksefplatform.sync.bench;

import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The ceiling: one plain consumer reading the whole event log, as bytes or decoded as the projectors decode it. */
final class KafkaConsumeRate {

    private KafkaConsumeRate() {
    }

    static double eventsPerSecond(String bootstrapServers, long records, boolean decode) {
        Deserializer<?> values = decode ? new EventEnvelopeDeserializer() : new ByteArrayDeserializer();
        try (KafkaConsumer<String, ?> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = IntStream.range(0, Topics.EVENTS.defaultPartitions())
                    .mapToObj(p -> new TopicPartition(Topics.EVENTS.name(), p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            long read = 0;
            while (read < records) {
                ConsumerRecords<String, ?> batch = consumer.poll(Duration.ofMillis(500));
                read += batch.count();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }
}
