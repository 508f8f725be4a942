package dev.ksefplatform.support.projection.adapter.kafka;

import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.support.projection.application.AppliedOffsets;
import dev.ksefplatform.support.projection.application.BatchOutcome;
import dev.ksefplatform.support.projection.application.EventProjector;
import dev.ksefplatform.support.projection.application.EventRecord;
import dev.ksefplatform.support.projection.domain.RecordPosition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Thin batch listener over {@code ksef.events.v1}: maps a poll batch and hands it to the projector, which applies
 * it in one transaction. On assignment it seeks each partition to just after the offset stored with the read
 * model, so the database, not Kafka's committed offset, says where to resume (and an emptied read model replays
 * from the start).
 */
public final class EventsListener<E> implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(EventsListener.class);
    private static final LogAccessor HEADER_LOG = new LogAccessor(EventsListener.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final String listenerId;
    private final String consumerGroup;
    private final EventMapper<E> mapper;
    private final EventProjector<E> projector;
    private final AppliedOffsets offsets;
    private final PoisonRecords poison;

    public EventsListener(String listenerId, String consumerGroup, EventMapper<E> mapper, EventProjector<E> projector,
                          AppliedOffsets offsets, PoisonRecords poison) {
        this.listenerId = listenerId;
        this.consumerGroup = consumerGroup;
        this.mapper = mapper;
        this.projector = projector;
        this.offsets = offsets;
        this.poison = poison;
    }

    public String listenerId() {
        return listenerId;
    }

    public String consumerGroup() {
        return consumerGroup;
    }

    /**
     * One consumer at first; {@link ProjectionConsumers} runs up to {@code ksef.projection.consumers} (2) while the
     * projection is behind, each with its own partitions and transactions: while one waits for PostgreSQL the other
     * decodes and maps, so a rebuild uses both cores of a small box (sync-service README, "Two consumers"). A tenant's
     * events share a partition and every read model's rows are one tenant's, so the consumers do not contend for
     * rows; were they ever to deadlock, the batch fails and is retried like any other.
     */
    @KafkaListener(id = "#{__listener.listenerId()}", groupId = "#{__listener.consumerGroup()}", batch = "true",
            topics = "#{T(dev.ksefplatform.schemas.topic.Topics).EVENTS.name()}",
            concurrency = "1")
    public void onEvents(List<ConsumerRecord<String, EventEnvelope>> records) {
        BatchOutcome outcome = projector.project(records.stream().map(this::toEventRecord).toList()).block(TIMEOUT);
        outcome.poison().forEach(poison::skipped);
        log.debug("batch projected records={} applied={} alreadyApplied={} poison={}", records.size(),
                outcome.applied(), outcome.alreadyApplied(), outcome.poison().size());
    }

    private EventRecord<E> toEventRecord(ConsumerRecord<String, EventEnvelope> record) {
        RecordPosition position =
                new RecordPosition(consumerGroup, record.topic(), record.partition(), record.offset());
        String messageId = MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_ID).orElse("-");
        DeserializationException undecodable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, HEADER_LOG);
        if (undecodable != null) {
            return EventRecord.poison(position, messageId, record.key(), "undecodable: " + rootCause(undecodable));
        }
        try {
            return EventRecord.of(position, messageId, record.key(), mapper.toDomain(record.value(), record.key()));
        } catch (RuntimeException e) {
            // mapping is pure: what fails once fails on every delivery, so it is poison, never retried
            String why = e instanceof UnmappableEvent ? e.getMessage() : e.getClass().getSimpleName();
            return EventRecord.poison(position, messageId, record.key(), "unmappable: " + why);
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        assignments.keySet().stream().map(TopicPartition::topic).distinct().forEach(topic -> {
            Map<Integer, Long> stored = offsets.all(consumerGroup, topic).block(TIMEOUT);
            assignments.keySet().stream().filter(tp -> tp.topic().equals(topic)).forEach(tp -> {
                Long last = stored == null ? null : stored.get(tp.partition());
                if (last == null || last == RecordPosition.NONE_APPLIED) {
                    callback.seekToBeginning(topic, tp.partition());
                } else {
                    callback.seek(topic, tp.partition(), last + 1);
                }
            });
        });
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
