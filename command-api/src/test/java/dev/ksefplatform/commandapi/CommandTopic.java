package dev.ksefplatform.commandapi;

import dev.ksefplatform.schemas.serde.CommandEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code ksef.commands.v1} back, decoded as the workers decode it. */
final class CommandTopic {

    private final String bootstrapServers;

    CommandTopic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record keyed by {@code tenantId} that the topic holds right now. */
    List<ConsumerRecord<String, CommandEnvelope>> recordsOf(String tenantId) {
        try (KafkaConsumer<String, CommandEnvelope> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMMANDS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, CommandEnvelope>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + Topics.COMMANDS.name() + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (tenantId.equals(r.key())) {
                        records.add(r);
                    }
                });
            }
            return records;
        }
    }

    /** Polls (with a deadline) until the tenant's records satisfy {@code condition}. */
    List<ConsumerRecord<String, CommandEnvelope>> awaitRecordsOf(String tenantId,
                                                                Predicate<List<ConsumerRecord<String, CommandEnvelope>>> condition) {
        try (KafkaConsumer<String, CommandEnvelope> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMMANDS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, CommandEnvelope>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!condition.test(records)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("records of tenant " + tenantId + " never matched: " + records.size());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (tenantId.equals(r.key())) {
                        records.add(r);
                    }
                });
            }
            return records;
        }
    }

    private KafkaConsumer<String, CommandEnvelope> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES),
                new StringDeserializer(), new CommandEnvelopeDeserializer());
    }
}
