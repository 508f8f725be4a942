package dev.ksefplatform.sync.schedule.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Publishes the outbox in one transaction per run: lock the oldest unpublished rows (other instances skip them),
 * publish, mark them published. A crash after publishing and before the commit publishes them again: consumers
 * deduplicate SyncInbox by message id. Published rows are kept a day (to look into), then forgotten, at most
 * once an hour.
 */
public final class OutboxRelay {

    static final int BATCH = 100;
    static final Duration KEEP_PUBLISHED = Duration.ofDays(1);
    static final Duration FORGET_EVERY = Duration.ofHours(1);

    private final CommandOutbox outbox;
    private final CommandPublisher publisher;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final AtomicReference<Instant> lastForgotten = new AtomicReference<>(Instant.EPOCH);

    public OutboxRelay(CommandOutbox outbox, CommandPublisher publisher, TransactionalOperator transaction, Clock clock) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** How many messages were published. */
    public Mono<Integer> relay() {
        return outbox.lockUnpublished(BATCH).collectList()
                .flatMap(messages -> messages.isEmpty() ? Mono.just(0) : publish(messages))
                .as(transaction::transactional)
                .flatMap(count -> forgetOld().thenReturn(count));
    }

    private Mono<Void> forgetOld() {
        Instant now = clock.instant();
        Instant last = lastForgotten.get();
        if (now.isBefore(last.plus(FORGET_EVERY)) || !lastForgotten.compareAndSet(last, now)) {
            return Mono.empty();
        }
        return outbox.forgetPublishedBefore(now.minus(KEEP_PUBLISHED));
    }

    private Mono<Integer> publish(List<OutboxMessage> messages) {
        return publisher.publishAll(messages)
                .then(outbox.markPublished(messages.stream().map(OutboxMessage::id).toList(), clock.instant()))
                .thenReturn(messages.size());
    }
}
