package dev.ksefplatform.sync.projection.adapter.kafka;

import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.sync.projection.application.AppliedOffsets;
import dev.ksefplatform.sync.projection.application.EventProjector;
import dev.ksefplatform.sync.projection.domain.RecordPosition;
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
public final class EventsListener implements ConsumerSeekAware {

    public static final String ID = "sync-service-events";
    private static final Logger log = LoggerFactory.getLogger(EventsListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final EventEnvelopeMapper mapper;
    private final EventProjector projector;
    private final AppliedOffsets offsets;
    private final String consumerGroup;

    public EventsListener(EventEnvelopeMapper mapper, EventProjector projector, AppliedOffsets offsets,
                          String consumerGroup) {
        this.mapper = mapper;
        this.projector = projector;
        this.offsets = offsets;
        this.consumerGroup = consumerGroup;
    }

    @KafkaListener(id = ID, topics = "#{T(dev.ksefplatform.schemas.topic.Topics).EVENTS.name()}",
            groupId = "${spring.kafka.consumer.group-id}")
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
