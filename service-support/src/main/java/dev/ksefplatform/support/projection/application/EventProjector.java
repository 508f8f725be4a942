package dev.ksefplatform.support.projection.application;

import dev.ksefplatform.support.projection.domain.RecordPosition;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies one record exactly once: the read-model updates and the record's offset commit or roll back
 * together. A record with no event of interest still advances the offset.
 */
public final class EventProjector<E> {

    private final List<ReadModelUpdate<E>> updates;
    private final AppliedOffsets offsets;
    private final TransactionalOperator transaction;

    public EventProjector(List<? extends ReadModelUpdate<E>> updates, AppliedOffsets offsets,
                          TransactionalOperator transaction) {
        this.updates = List.copyOf(updates);
        this.offsets = offsets;
        this.transaction = transaction;
    }

    /** True when applied, false when an earlier delivery already applied it. */
    public Mono<Boolean> project(RecordPosition position, Optional<E> event) {
        Mono<Boolean> work = offsets.lastAppliedLocked(position).flatMap(last -> position.isCoveredBy(last)
                ? Mono.just(false)
                : applyAll(event).then(offsets.record(position)).thenReturn(true));
        return work.as(transaction::transactional);
    }

    private Mono<Void> applyAll(Optional<E> event) {
        return event.map(e -> Flux.fromIterable(updates).concatMap(update -> update.apply(e)).then())
                .orElse(Mono.empty());
    }
}
