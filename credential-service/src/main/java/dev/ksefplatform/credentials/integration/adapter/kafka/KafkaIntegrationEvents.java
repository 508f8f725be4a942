package dev.ksefplatform.credentials.integration.adapter.kafka;

import dev.ksefplatform.credentials.integration.application.IntegrationEvents;
import dev.ksefplatform.credentials.integration.domain.IntegrationEvent;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Publishes integration events to {@code ksef.events.v1}, keyed by tenant id, with the platform's headers. */
public final class KafkaIntegrationEvents implements IntegrationEvents {

    private final KafkaTemplate<String, EventEnvelope> kafka;
    private final IntegrationEventMapper mapper;

    public KafkaIntegrationEvents(KafkaTemplate<String, EventEnvelope> kafka, IntegrationEventMapper mapper) {
        this.kafka = kafka;
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> publish(IntegrationEvent event) {
        // hop off the producer I/O thread before the caller continues
        return Mono.defer(() -> Mono.fromFuture(kafka.send(record(mapper.toEnvelope(event)))))
                .publishOn(Schedulers.parallel()).then();
    }

    private static ProducerRecord<String, EventEnvelope> record(EventEnvelope envelope) {
        var record = new ProducerRecord<String, EventEnvelope>(Topics.EVENTS.name(), envelope.getTenantId(), envelope);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, envelope.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, envelope.getTenantId());
        MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, envelope.getCorrelationId());
        MessageHeaders.put(record.headers(), MessageHeaders.CAUSATION_ID, envelope.getCausationId());
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(envelope.getPayload()));
        MessageHeaders.put(record.headers(), MessageHeaders.SOURCE, envelope.getSource());
        return record;
    }
}
