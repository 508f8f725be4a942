package dev.ksefplatform.sync.support;

import dev.ksefplatform.schemas.serde.CommandEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what is published to {@code ksef.commands.v1} from the moment it opens, as the worker would receive it. */
public final class CommandTap implements AutoCloseable {

    private final KafkaConsumer<String, CommandEnvelope> consumer;
    private final List<ConsumerRecord<String, CommandEnvelope>> seen = new ArrayList<>();

    public CommandTap() {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new CommandEnvelopeDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, Topics.COMMANDS.defaultPartitions())
                .mapToObj(p -> new TopicPartition(Topics.COMMANDS.name(), p)).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Every record read so far that matches, after polling for what has arrived. */
    public synchronized List<ConsumerRecord<String, CommandEnvelope>> records(Predicate<ConsumerRecord<String, CommandEnvelope>> filter) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(filter).toList();
    }

    public List<ConsumerRecord<String, CommandEnvelope>> ofTenant(String tenantId) {
        return records(record -> tenantId.equals(record.key()));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
