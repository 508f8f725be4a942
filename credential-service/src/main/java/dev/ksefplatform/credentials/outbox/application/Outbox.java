package dev.ksefplatform.credentials.outbox.application;

import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The events waiting for Kafka. {@link #append} joins the caller's transaction when there is one. */
public interface Outbox {

    Mono<Void> append(List<OutboxMessage> messages);

    /** The oldest unpublished messages, in {@code seq} order. */
    Flux<OutboxMessage> unpublished(int limit);

    Mono<Void> markPublished(List<Long> seqs, Instant at);

    /** How many messages wait. */
    Mono<Long> backlog();

    /** Forgets up to {@code limit} messages published before {@code before}. */
    Mono<Long> forgetPublishedBefore(Instant before, int limit);
}
