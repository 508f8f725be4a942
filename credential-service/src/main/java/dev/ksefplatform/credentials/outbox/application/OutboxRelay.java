package dev.ksefplatform.credentials.outbox.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Sends the outbox to Kafka: while holding the relay lock (one relay across instances, so rows leave in {@code seq}
 * order and a key's events stay in order), the oldest unpublished batch is sent and what Kafka acknowledged is marked
 * published, in one transaction. A crash after the send and before the commit sends those rows again with the same
 * message ids; consumers deduplicate by message id. Published rows are kept a day (to look into), then forgotten.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final Duration KEEP_PUBLISHED = Duration.ofDays(1);
    static final Duration FORGET_EVERY = Duration.ofMinutes(10);

    private final Outbox outbox;
    private final OutboxPublisher publisher;
    private final RelayLock lock;
    private final Clock clock;
    private final int batchSize;
    private final AtomicReference<Instant> lastForgotten = new AtomicReference<>(Instant.EPOCH);

    public OutboxRelay(Outbox outbox, OutboxPublisher publisher, RelayLock lock, Clock clock, int batchSize) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.lock = lock;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Sends batches until one is not full (or the lock is held elsewhere); emits how many were published. */
    public Mono<Long> drain() {
        return relayOnce().expand(sent -> sent == batchSize ? relayOnce() : Mono.empty())
                .reduce(0L, Long::sum)
                .flatMap(sent -> forgetOld().thenReturn(sent));
    }

    /** One batch; emits how many were published (0 when another instance holds the lock). */
    public Mono<Integer> relayOnce() {
        return lock.whileHolding(outbox.unpublished(batchSize).collectList()
                        .flatMap(batch -> batch.isEmpty() ? Mono.just(0) : publish(batch)))
                .defaultIfEmpty(0);
    }

    private Mono<Integer> publish(List<OutboxMessage> batch) {
        return publisher.publishAll(batch)
                .flatMap(acked -> acked.isEmpty() ? Mono.just(0)
                        : outbox.markPublished(acked, clock.instant()).thenReturn(acked.size()))
                .doOnNext(sent -> {
                    if (sent < batch.size()) {
                        log.warn("outbox batch partly published sent={} batch={}, the rest is sent again next run",
                                sent, batch.size());
                    }
                });
    }

    private Mono<Void> forgetOld() {
        Instant now = clock.instant();
        Instant last = lastForgotten.get();
        if (now.isBefore(last.plus(FORGET_EVERY)) || !lastForgotten.compareAndSet(last, now)) {
            return Mono.empty();
        }
        return outbox.forgetPublishedBefore(now.minus(KEEP_PUBLISHED), 10_000)
                .doOnNext(forgotten -> log.debug("outbox forgot published rows count={}", forgotten)).then();
    }
}
