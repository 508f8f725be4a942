package dev.ksefplatform.worker.it;

import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/** Publishes commands and reads what the worker committed (read_committed), polling with a deadline. */
final class KafkaProbe implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final KafkaProducer<String, CommandEnvelope> commands;
    private final KafkaProducer<String, byte[]> raw;
    private final Reader<EventEnvelope> events;
    private final Reader<byte[]> deadLetters;

    KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.commands = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new CommandEnvelopeSerializer());
        this.raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        this.events = new Reader<>(new KafkaConsumer<>(consumerConfig(bootstrapServers), new StringDeserializer(),
                new EventEnvelopeDeserializer()), Topics.EVENTS.name());
        this.deadLetters = new Reader<>(new KafkaConsumer<>(consumerConfig(bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer()), Topics.COMMANDS_DLT.name());
    }

    void publish(CommandEnvelope command) {
        ProducerRecord<String, CommandEnvelope> record =
                new ProducerRecord<>(Topics.COMMANDS.name(), command.getTenantId(), command);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, command.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, command.getTenantId());
        MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, command.getCorrelationId());
        await(commands.send(record));
    }

    void publishRaw(String key, String messageId, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.COMMANDS.name(), key, value);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, messageId);
        await(raw.send(record));
    }

    /** Republishes a dead letter to the commands topic as command-api's re-drive does: key, bytes and ids, marked. */
    void redrive(ConsumerRecord<String, byte[]> deadLetter) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.COMMANDS.name(), deadLetter.key(),
                deadLetter.value());
        for (String name : List.of(MessageHeaders.MESSAGE_ID, MessageHeaders.TENANT_ID, MessageHeaders.CORRELATION_ID)) {
            MessageHeaders.get(deadLetter.headers(), name).ifPresent(v -> MessageHeaders.put(record.headers(), name, v));
        }
        MessageHeaders.put(record.headers(), MessageHeaders.REDRIVE_OF,
                deadLetter.topic() + "-" + deadLetter.partition() + "@" + deadLetter.offset());
        await(raw.send(record));
    }

    /** Publishes a command marked as the re-drive of {@code redriveOf}, as if it had been dead-lettered there. */
    void publishRedrive(CommandEnvelope command, String redriveOf) {
        ProducerRecord<String, CommandEnvelope> record =
                new ProducerRecord<>(Topics.COMMANDS.name(), command.getTenantId(), command);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, command.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, command.getTenantId());
        MessageHeaders.put(record.headers(), MessageHeaders.REDRIVE_OF, redriveOf);
        await(commands.send(record));
    }

    /** The first event matching, waiting up to the deadline. */
    ConsumerRecord<String, EventEnvelope> awaitEvent(Predicate<ConsumerRecord<String, EventEnvelope>> match) {
        return events.await(match);
    }

    List<ConsumerRecord<String, EventEnvelope>> eventsSoFar() {
        return events.seen();
    }

    ConsumerRecord<String, byte[]> awaitDeadLetter(Predicate<ConsumerRecord<String, byte[]>> match) {
        return deadLetters.await(match);
    }

    /** The partition Kafka's default partitioner picks for a key on the commands topic. */
    int commandPartitionOf(String key) {
        int partitions = events.consumer.partitionsFor(Topics.COMMANDS.name()).size();
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Offsets the worker's consumer group has committed on the commands topic, summed over partitions. */
    long committedCommandOffsets(String groupId) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(Topics.COMMANDS.name()))
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    private static void await(java.util.concurrent.Future<?> send) {
        try {
            send.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        commands.close();
        raw.close();
        events.consumer.close();
        deadLetters.consumer.close();
    }

    private static final class Reader<V> {

        private final KafkaConsumer<String, V> consumer;
        private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

        Reader(KafkaConsumer<String, V> consumer, String topic) {
            this.consumer = consumer;
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        synchronized ConsumerRecord<String, V> await(Predicate<ConsumerRecord<String, V>> match) {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                Optional<ConsumerRecord<String, V>> found = seen.stream().filter(match).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            throw new AssertionError("no matching record on " + consumer.assignment() + " within " + DEADLINE);
        }

        /** Everything the topic has had so far: read up to its end offsets of now (10 s at most). */
        synchronized List<ConsumerRecord<String, V>> seen() {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            do {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            } while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline);
            return List.copyOf(seen);
        }
    }
}
