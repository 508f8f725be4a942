package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.worker.submission.application.WorkerEvents;
import dev.ksefplatform.worker.submission.domain.WorkerEvent;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaOperations;

/** Publishes to {@code ksef.events.v1} with the transactional template, i.e. in the consumer's transaction. */
public class KafkaWorkerEvents implements WorkerEvents {

    private final KafkaOperations<Object, Object> kafka;

    public KafkaWorkerEvents(KafkaOperations<Object, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(List<WorkerEvent> events) {
        events.stream().map(EventMapper::envelope).map(KafkaWorkerEvents::record).forEach(kafka::send);
    }

    private static ProducerRecord<Object, Object> record(EventEnvelope envelope) {
        ProducerRecord<Object, Object> record =
                new ProducerRecord<>(Topics.EVENTS.name(), envelope.getTenantId(), envelope);
        Headers headers = record.headers();
        MessageHeaders.put(headers, MessageHeaders.MESSAGE_ID, envelope.getMessageId());
        MessageHeaders.put(headers, MessageHeaders.TENANT_ID, envelope.getTenantId());
        MessageHeaders.put(headers, MessageHeaders.CORRELATION_ID, envelope.getCorrelationId());
        MessageHeaders.put(headers, MessageHeaders.CAUSATION_ID, envelope.getCausationId());
        MessageHeaders.put(headers, MessageHeaders.MESSAGE_TYPE, MessageTypes.of(envelope.getPayload()));
        MessageHeaders.put(headers, MessageHeaders.SOURCE, envelope.getSource());
        return record;
    }
}
