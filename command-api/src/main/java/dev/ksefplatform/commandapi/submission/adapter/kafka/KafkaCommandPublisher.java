package dev.ksefplatform.commandapi.submission.adapter.kafka;

import dev.ksefplatform.commandapi.submission.application.CommandPublisher;
import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@link CommandPublisher} to {@code ksef.commands.v1}, keyed by tenant id. */
public final class KafkaCommandPublisher implements CommandPublisher {

    private final KafkaTemplate<String, CommandEnvelope> kafka;
    private final String topic;

    public KafkaCommandPublisher(KafkaTemplate<String, CommandEnvelope> kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public Mono<Void> publish(InvoiceSubmission submission) {
        // send() can block up to max.block.ms fetching metadata: never on an event loop.
        return Mono.fromFuture(() -> kafka.send(SubmitInvoiceRecords.of(topic, submission)))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }
}
