package dev.ksefplatform.commandapi.deadletter.adapter.kafka;

import dev.ksefplatform.commandapi.deadletter.application.DeadLetterNotFound;
import dev.ksefplatform.commandapi.deadletter.application.DeadLetterTopic;
import dev.ksefplatform.commandapi.deadletter.domain.DeadLetter;
import dev.ksefplatform.commandapi.deadletter.domain.DeadLetterAddress;
import dev.ksefplatform.commandapi.deadletter.domain.Redrive;
import dev.ksefplatform.commandapi.platform.application.KafkaUnavailable;
import dev.ksefplatform.schemas.topic.Topics;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link DeadLetterTopic} over Kafka's clients: a consumer of no group per read (assigned, never subscribed, so
 * nothing is committed), bounded by one record or {@code limit} per partition and by {@code timeout}; a producer for
 * the re-drive's records, each acknowledged before the next. The clients block: the work runs on bounded-elastic.
 */
public final class KafkaDeadLetterTopic implements DeadLetterTopic {

    private final Supplier<KafkaConsumer<String, byte[]>> consumers;
    private final Producer<String, byte[]> producer;
    private final Duration timeout;
    private final DeadLetterRecords records = new DeadLetterRecords();

    public KafkaDeadLetterTopic(Supplier<KafkaConsumer<String, byte[]>> consumers, Producer<String, byte[]> producer,
                                Duration timeout) {
        this.consumers = consumers;
        this.producer = producer;
        this.timeout = timeout;
    }

    @Override
    public Mono<DeadLetter> read(DeadLetterAddress address) {
        return blocking(() -> {
            ConsumerRecord<String, byte[]> record = fetch(address);
            return record == null ? null : records.deadLetter(record);
        });
    }

    @Override
    public Mono<List<DeadLetter>> latest(int limit) {
        return blocking(() -> {
            try (TopicTail tail = new TopicTail(consumers.get(), Topics.COMMANDS_DLT.name(), timeout)) {
                return tail.read(limit).stream().sorted(Comparator.comparingLong(ConsumerRecord<String, byte[]>::timestamp)
                        .reversed()).limit(limit).map(records::deadLetter).toList();
            }
        });
    }

    @Override
    public Mono<Void> publish(Redrive redrive) {
        return blocking(() -> {
            ConsumerRecord<String, byte[]> dead = fetch(DeadLetterAddress.parse(redrive.deadLetter()));
            if (dead == null) {
                throw new DeadLetterNotFound("dead letter " + redrive.deadLetter() + " is gone (retention)");
            }
            producer.send(records.command(dead, redrive)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            producer.send(records.event(redrive)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Boolean.TRUE;
        }).then();
    }

    private ConsumerRecord<String, byte[]> fetch(DeadLetterAddress address) {
        if (!Topics.COMMANDS_DLT.name().equals(address.topic())) {
            return null;
        }
        try (TopicTail tail = new TopicTail(consumers.get(), address.topic(), timeout)) {
            return tail.one(address.partition(), address.offset());
        }
    }

    private <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> e instanceof KafkaException || e instanceof java.util.concurrent.TimeoutException
                        || e instanceof java.util.concurrent.ExecutionException, KafkaUnavailable::new);
    }
}
