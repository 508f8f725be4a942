package dev.ksefplatform.worker.intake.adapter.kafka;

import dev.ksefplatform.schemas.serde.CommandEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.worker.engine.application.Engine;
import dev.ksefplatform.worker.engine.application.EventEncoder;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import dev.ksefplatform.worker.intake.application.IntakeStore;
import dev.ksefplatform.worker.intake.application.NewCommand;
import dev.ksefplatform.worker.intake.application.NewInboxSync;
import dev.ksefplatform.worker.intake.application.NewVerification;
import dev.ksefplatform.worker.intake.application.Stored;
import dev.ksefplatform.worker.intake.application.Taken;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code ksef.commands.v1} without ever stopping for a busy tenant: each poll is queued in the worker's database
 * (one transaction with the offsets: exactly once), and the lanes are woken. A tenant's backlog waits on disk, so
 * memory holds one poll at most. The database, not Kafka's committed offset, says where a partition resumes (Kafka's
 * only while the database has taken nothing of it); the offsets are committed to Kafka too, for lag monitoring.
 */
public class CommandIntake implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(CommandIntake.class);
    private static final String TOPIC = Topics.COMMANDS.name();
    private static final Duration POLL = Duration.ofSeconds(1);

    private final KafkaConsumer<String, byte[]> consumer;
    private final IntakeStore store;
    private final Engine engine;
    private final DeadLetters deadLetters;
    private final String instanceId;
    private final Duration drain;
    private final Clock clock;
    private final java.util.function.IntConsumer deadLettered;
    private final Duration acceptWithin;
    private final Deserializer<CommandEnvelope> decoder = new CommandEnvelopeDeserializer();
    private volatile boolean running = true;
    private volatile String failure;
    private int failures;

    public CommandIntake(KafkaConsumer<String, byte[]> consumer, IntakeStore store, Engine engine,
                         EventEncoder encoder, dev.ksefplatform.worker.engine.application.EventFactory events,
                         String instanceId, Duration drain, Duration acceptWithin, Clock clock,
                         java.util.function.IntConsumer deadLettered) {
        this.consumer = consumer;
        this.acceptWithin = acceptWithin;
        this.deadLettered = deadLettered;
        this.store = store;
        this.engine = engine;
        this.deadLetters = new DeadLetters(encoder, events);
        this.instanceId = instanceId;
        this.drain = drain;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(TOPIC), new Rebalance());
            while (running) {
                // a poll returns as soon as records come, and stop() wakes it: a longer wait costs no latency, and
                // at rest the loop turns once a second, not five times (README, issue #8 at rest)
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    takeOrRewind(records);
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer
        } catch (RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("command intake stopped: {}", failure, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** A database that cannot take the poll now loses nothing: the partitions go back to its first offsets. */
    private void takeOrRewind(ConsumerRecords<String, byte[]> records) {
        try {
            take(records);
            failures = 0;
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            log.warn("commands could not be queued, retrying: {}", e.getMessage());
            for (TopicPartition partition : records.partitions()) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
            pause(Duration.ofMillis(Math.min(5_000, 100L << Math.min(++failures, 6))));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void take(ConsumerRecords<String, byte[]> records) {
        Instant now = clock.instant();
        Taken taken = Taken.empty();
        Map<Integer, List<dev.ksefplatform.worker.engine.application.EventEncoder.Encoded>> outbox = new HashMap<>();
        Map<Integer, Long> offsets = new HashMap<>();
        int refusedCount = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            offsets.merge(record.partition(), record.offset(), Math::max);
            try {
                CommandEnvelope envelope = decoder.deserialize(TOPIC, record.headers(), record.value());
                Optional<String> redriveOf = MessageHeaders.get(record.headers(), MessageHeaders.REDRIVE_OF);
                if (redriveOf.isPresent()) {
                    taken.redrives().add(RedrivenRecords.of(record, envelope, redriveOf.get(), deadLetters, now));
                    continue;
                }
                IntakeMapper.requireRecent(envelope, now, acceptWithin);
                NewInboxSync sync = IntakeMapper.sync(envelope, record.partition(), now);
                NewVerification verification = sync != null ? null
                        : IntakeMapper.verification(envelope, record.partition(), record.offset(), record.value(), now);
                if (sync != null) {
                    taken.syncs().add(sync);
                } else if (verification != null) {
                    taken.verifications().add(verification);
                } else {
                    taken.commands().addAll(IntakeMapper.commands(envelope, record.partition(), record.offset(), now));
                }
            } catch (RuntimeException refused) {
                try (var ids = dev.ksefplatform.worker.engine.application.LogIds.enter(null, DeadLetters.ref(record),
                        null)) {
                    log.warn("command dead-lettered partition={} offset={} reason={}", record.partition(),
                            record.offset(), refused.getMessage());
                }
                outbox.computeIfAbsent(record.partition(), p -> new ArrayList<>())
                        .addAll(deadLetters.of(record, reason(refused)));
                refusedCount++;
            }
        }
        Stored stored = store.store(TOPIC, taken, outbox, offsets);
        refusedCount += stored.refused();
        if (refusedCount > 0) {
            deadLettered.accept(refusedCount); // counted once committed: a rewound poll is not counted twice
        }
        wakeLanes(taken.commands());
        wakeLanes(stored.requeued());
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        offsets.forEach((p, o) -> commit.put(new TopicPartition(TOPIC, p), new OffsetAndMetadata(o + 1)));
        consumer.commitAsync(commit, null);
    }

    private void wakeLanes(List<NewCommand> commands) {
        Map<LaneKey, Long> arrived = new LinkedHashMap<>();
        commands.forEach(c -> arrived.merge(c.lane(), 1L, Long::sum));
        arrived.forEach(engine::commandsArrived);
    }

    private static String reason(RuntimeException refused) {
        return refused instanceof IntakeMapper.Refused ? refused.getMessage()
                : "undecodable command: " + refused.getMessage();
    }

    /** Ownership follows assignment: claimed in the database, resumed from the offset stored there. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            engine.partitionsRevoked(numbers(partitions), drain);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            engine.partitionsRevoked(numbers(partitions), drain);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            List<Integer> numbers = numbers(partitions);
            Map<Integer, Long> taken = store.takenOffsets(TOPIC, numbers);
            for (TopicPartition partition : partitions) {
                Long last = taken.get(partition.partition());
                if (last != null) {
                    consumer.seek(partition, last + 1);
                } else {
                    // nothing taken yet: Kafka's committed offset of the group decides (else auto.offset.reset), and
                    // it is resolved now, so a record published after the assignment is never skipped by "latest"
                    consumer.position(partition);
                }
            }
            store.claim(numbers, instanceId);
            engine.partitionsAssigned(numbers);
            log.info("partitions assigned instance={} partitions={}", instanceId, numbers);
        }

        private List<Integer> numbers(Collection<TopicPartition> partitions) {
            return partitions.stream().map(TopicPartition::partition).toList();
        }
    }
}
