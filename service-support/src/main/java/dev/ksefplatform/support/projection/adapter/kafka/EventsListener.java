package dev.ksefplatform.support.projection.adapter.kafka;

import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.support.projection.application.AppliedOffsets;
import dev.ksefplatform.support.projection.application.EventProjector;
import dev.ksefplatform.support.projection.domain.RecordPosition;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Thin listener over {@code ksef.events.v1}. On assignment it seeks each partition to just after
 * the offset stored with the read model, so the database, not Kafka's committed offset, says
 * where to resume (and an emptied read model replays from the start).
 */
public final class EventsListener<E> implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(EventsListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String listenerId;
    private final String consumerGroup;
    private final EventMapper<E> mapper;
    private final EventProjector<E> projector;
    private final AppliedOffsets offsets;

    public EventsListener(String listenerId, String consumerGroup, EventMapper<E> mapper,
                          EventProjector<E> projector, AppliedOffsets offsets) {
        this.listenerId = listenerId;
        this.consumerGroup = consumerGroup;
        this.mapper = mapper;
        this.projector = projector;
        this.offsets = offsets;
    }

    public String listenerId() {
        return listenerId;
    }

    public String consumerGroup() {
        return consumerGroup;
    }

    @KafkaListener(id = "#{__listener.listenerId()}", groupId = "#{__listener.consumerGroup()}",
            topics = "#{T(dev.ksefplatform.schemas.topic.Topics).EVENTS.name()}")
    public void onEvent(ConsumerRecord<String, EventEnvelope> record) {
        RecordPosition position =
                new RecordPosition(consumerGroup, record.topic(), record.partition(), record.offset());
        var event = mapper.toDomain(record.value(), record.key());
        boolean applied = Boolean.TRUE.equals(projector.project(position, event).block(TIMEOUT));
        log.debug("event projected messageId={} tenantId={} partition={} offset={} applied={}",
                record.value().getMessageId(), record.key(), record.partition(), record.offset(), applied);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        assignments.keySet().stream().map(TopicPartition::topic).distinct().forEach(topic -> {
            Map<Integer, Long> stored = offsets.all(consumerGroup, topic).block(TIMEOUT);
            assignments.keySet().stream().filter(tp -> tp.topic().equals(topic)).forEach(tp -> {
                Long last = stored == null ? null : stored.get(tp.partition());
                if (last == null) {
                    callback.seekToBeginning(topic, tp.partition());
                } else {
                    callback.seek(topic, tp.partition(), last + 1);
                }
            });
        });
    }
}
