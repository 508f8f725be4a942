package dev.ksefplatform.credentials.outbox.application;

import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An outbox that wakes the relay's pacing after each append, so this instance's events leave on the next tick. */
public final class WakingOutbox implements Outbox {

    private final Outbox outbox;
    private final IdlePacing pacing;

    public WakingOutbox(Outbox outbox, IdlePacing pacing) {
        this.outbox = outbox;
        this.pacing = pacing;
    }

    @Override
    public Mono<Void> append(List<OutboxMessage> messages) {
        return outbox.append(messages).doOnSuccess(done -> pacing.wake());
    }

    @Override
    public Flux<OutboxMessage> unpublished(int limit) {
        return outbox.unpublished(limit);
    }

    @Override
    public Mono<Void> markPublished(List<Long> seqs, Instant at) {
        return outbox.markPublished(seqs, at);
    }

    @Override
    public Mono<Long> backlog() {
        return outbox.backlog();
    }

    @Override
    public Mono<Long> forgetPublishedBefore(Instant before, int limit) {
        return outbox.forgetPublishedBefore(before, limit);
    }
}
