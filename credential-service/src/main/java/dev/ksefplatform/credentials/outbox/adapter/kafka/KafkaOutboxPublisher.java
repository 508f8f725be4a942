package dev.ksefplatform.credentials.outbox.adapter.kafka;

import dev.ksefplatform.credentials.integration.application.LogIds;
import dev.ksefplatform.credentials.outbox.application.OutboxMessage;
import dev.ksefplatform.credentials.outbox.application.OutboxPublisher;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends outbox rows to {@code ksef.events.v1}, keyed as written, with the platform's headers. The idempotent producer
 * ({@code enable.idempotence}, {@code acks=all}) keeps one send from being written twice and keeps a partition's
 * order across its own retries; all sends of a batch are in flight together and awaited at the end.
 */
public final class KafkaOutboxPublisher implements OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaOutboxPublisher.class);

    private final KafkaTemplate<String, EventEnvelope> kafka;
    private final EventEnvelopeDeserializer envelopes = new EventEnvelopeDeserializer();

    public KafkaOutboxPublisher(KafkaTemplate<String, EventEnvelope> kafka) {
        this.kafka = kafka;
    }

    @Override
    public Mono<List<Long>> publishAll(List<OutboxMessage> messages) {
        return Mono.fromCallable(() -> messages.stream().map(this::send).toList())
                .flatMap(sends -> Mono.fromFuture(CompletableFuture.allOf(sends.stream()
                                .map(send -> send.exceptionally(e -> null)).toArray(CompletableFuture[]::new)))
                        .then(Mono.fromCallable(() -> acknowledgedPrefix(messages, sends))))
                .publishOn(Schedulers.parallel());
    }

    private CompletableFuture<?> send(OutboxMessage message) {
        try {
            return kafka.send(record(message.key(), envelopes.deserialize(Topics.EVENTS.name(), message.envelope())));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static List<Long> acknowledgedPrefix(List<OutboxMessage> messages, List<CompletableFuture<?>> sends) {
        List<Long> acked = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            if (sends.get(i).isCompletedExceptionally()) {
                OutboxMessage failed = messages.get(i);
                String cause = sends.get(i).handle((ok, e) -> e.toString()).join();
                LogIds.log(failed.key(), null, null, () -> log.warn("outbox send failed seq={} messageId={} cause={}",
                        failed.seq(), failed.messageId(), cause));
                break;
            }
            acked.add(messages.get(i).seq());
        }
        return acked;
    }

    static ProducerRecord<String, EventEnvelope> record(String key, EventEnvelope envelope) {
        var record = new ProducerRecord<String, EventEnvelope>(Topics.EVENTS.name(), key, envelope);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, envelope.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, envelope.getTenantId());
        MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, envelope.getCorrelationId());
        MessageHeaders.put(record.headers(), MessageHeaders.CAUSATION_ID, envelope.getCausationId());
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(envelope.getPayload()));
        MessageHeaders.put(record.headers(), MessageHeaders.SOURCE, envelope.getSource());
        return record;
    }
}
