package dev.ksefplatform.commandapi.submission.adapter.kafka;

import dev.ksefplatform.commandapi.submission.application.CommandPublisher;
import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@link CommandPublisher} to {@code ksef.commands.v1}, keyed by tenant id. */
public final class KafkaCommandPublisher implements CommandPublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaCommandPublisher.class);

    /** A record's size beyond its invoice (envelope, key, headers) is well under this. */
    private static final int ENVELOPE_BYTES = 4096;

    private final KafkaTemplate<String, CommandEnvelope> kafka;
    private final String topic;
    private final InPlaceSends inPlace;

    /** @param producerBufferBytes the producer's {@code buffer.memory} */
    public KafkaCommandPublisher(KafkaTemplate<String, CommandEnvelope> kafka, String topic, long producerBufferBytes) {
        this.kafka = kafka;
        this.topic = topic;
        this.inPlace = new InPlaceSends(producerBufferBytes);
    }

    /**
     * send() can block up to max.block.ms on missing metadata or a full buffer: it runs on the event loop only when
     * neither can happen ({@link InPlaceSends}), else on boundedElastic (saves two thread hand-offs per request, a
     * small saving: README "Cost of a request"). The ack completes on the producer's single I/O thread; what follows
     * it (the response) moves to the parallel scheduler, off that thread.
     */
    @Override
    public Mono<Void> publish(InvoiceSubmission submission) {
        return Mono.defer(() -> {
            long bytes = submission.invoice().xml().length + ENVELOPE_BYTES;
            Mono<Object> sent = Mono.fromFuture(() -> send(submission, bytes));
            return inPlace.allowed(bytes) ? sent : sent.subscribeOn(Schedulers.boundedElastic());
        }).publishOn(Schedulers.parallel()).then();
    }

    private CompletableFuture<Object> send(InvoiceSubmission submission, long bytes) {
        CompletableFuture<Object> ack;
        inPlace.started(bytes);
        try {
            ack = kafka.send(SubmitInvoiceRecords.of(topic, submission)).thenApply(result -> result);
        } catch (RuntimeException e) {
            inPlace.completed(bytes, false);
            throw e;
        }
        return ack.whenComplete((result, error) -> inPlace.completed(bytes, error == null));
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

    /** Counted as outstanding like a request's send: the relay's records fill the same buffer. */
    private Sent send(InvoiceSubmission submission) {
        long bytes = submission.invoice().xml().length + ENVELOPE_BYTES;
        return new Sent(submission.commandId(), send(submission, bytes));
    }

    private record Sent(String commandId, CompletableFuture<?> ack) {
    }
}
