package dev.ksefplatform.commandapi.submission.adapter.kafka;

import dev.ksefplatform.commandapi.submission.application.CommandPublisher;
import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@link CommandPublisher} to {@code ksef.commands.v1}, keyed by tenant id. */
public final class KafkaCommandPublisher implements CommandPublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaCommandPublisher.class);

    private final KafkaTemplate<String, CommandEnvelope> kafka;
    private final String topic;

    public KafkaCommandPublisher(KafkaTemplate<String, CommandEnvelope> kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /**
     * send() can block up to max.block.ms fetching metadata or waiting for buffer space: never on an event loop. It
     * returns once the record is in the producer's queue for its partition; the ack completes later, on the producer's
     * single I/O thread.
     */
    @Override
    public Mono<CompletionStage<?>> enqueue(InvoiceSubmission submission) {
        return Mono.<CompletionStage<?>>fromCallable(() -> kafka.send(SubmitInvoiceRecords.of(topic, submission)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Sent from one thread in list order, so one tenant's commands keep their order on its partition. */
    @Override
    public Flux<String> publishAll(List<InvoiceSubmission> submissions) {
        return Mono.fromCallable(() -> submissions.stream().map(this::send).toList())
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .concatMap(sent -> Mono.fromFuture(sent.ack()).thenReturn(sent.commandId())
                        .onErrorResume(e -> {
                            log.warn("outbox publish failed, retried after the claim expires commandId={} cause={}",
                                    sent.commandId(), e.toString());
                            return Mono.empty();
                        }));
    }

    private Sent send(InvoiceSubmission submission) {
        return new Sent(submission.commandId(), kafka.send(SubmitInvoiceRecords.of(topic, submission)));
    }

    private record Sent(String commandId, CompletableFuture<?> ack) {
    }
}
