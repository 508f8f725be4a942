package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.worker.submission.application.WorkerEvents;
import dev.ksefplatform.worker.submission.domain.WorkerEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Turns the events of the command being processed on this thread into {@code ksef.events.v1} records.
 * They are not sent here: the parallel consumer produces them in the transaction that commits the
 * command's offset, so a command's events and its consumption are atomic.
 */
public class KafkaWorkerEvents implements WorkerEvents {

    private final ThreadLocal<List<ProducerRecord<String, Object>>> current = new ThreadLocal<>();

    @Override
    public void publish(List<WorkerEvent> events) {
        List<ProducerRecord<String, Object>> records = current.get();
        if (records == null) {
            throw new IllegalStateException("events can only be published while a command is processed");
        }
        events.stream().map(EventMapper::envelope).map(KafkaWorkerEvents::record).forEach(records::add);
    }

    /** Runs one step of a command's processing and returns the records of the events it published. */
    List<ProducerRecord<String, Object>> collect(Runnable step) {
        List<ProducerRecord<String, Object>> records = new ArrayList<>();
        current.set(records);
        try {
            step.run();
            return records;
        } finally {
            current.remove();
        }
    }

    private static ProducerRecord<String, Object> record(EventEnvelope envelope) {
        ProducerRecord<String, Object> record =
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
