package dev.ksefplatform.sync.schedule.adapter.kafka;

import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.sync.schedule.application.CommandPublisher;
import dev.ksefplatform.sync.schedule.application.OutboxMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@link CommandPublisher} to {@code ksef.commands.v1}: key = tenant id, the {@code MessageHeaders} set. */
public final class KafkaCommandPublisher implements CommandPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, byte[]> kafka;

    public KafkaCommandPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    @Override
    public Mono<Void> publishAll(List<OutboxMessage> messages) {
        // send() can block up to max.block.ms fetching metadata: never on an event loop.
        return Mono.fromCallable(() -> messages.stream().map(m -> kafka.send(record(m))).toArray(CompletableFuture[]::new))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sent -> Mono.fromFuture(CompletableFuture.allOf(sent)))
                .timeout(ACK_TIMEOUT);
    }

    static ProducerRecord<String, byte[]> record(OutboxMessage m) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.COMMANDS.name(), m.tenantId(), m.record());
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, m.messageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, m.tenantId());
        MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, m.correlationId());
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_TYPE, m.messageType());
        MessageHeaders.put(record.headers(), MessageHeaders.SOURCE, m.source());
        return record;
    }
}
