package dev.ksefplatform.sync.projection.application;

import dev.ksefplatform.sync.projection.domain.RecordPosition;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Applies one record exactly once: read-model changes and its offset commit or roll back together. */
public final class EventProjector {

    private final List<ReadModelProjection> projections;
    private final AppliedOffsets offsets;
    private final TransactionalOperator transaction;

    public EventProjector(List<ReadModelProjection> projections, AppliedOffsets offsets,
                          TransactionalOperator transaction) {
        this.projections = List.copyOf(projections);
        this.offsets = offsets;
        this.transaction = transaction;
    }

    /** True when applied, false when an earlier delivery already applied it. */
    public Mono<Boolean> project(RecordPosition position, Optional<SyncEvent> event) {
        Mono<Boolean> work = offsets.lastAppliedLocked(position).flatMap(last -> position.isCoveredBy(last)
                ? Mono.just(false)
                : applyAll(event).then(offsets.record(position)).thenReturn(true));
        return work.as(transaction::transactional);
    }

    private Mono<Void> applyAll(Optional<SyncEvent> event) {
        return event.map(e -> Flux.fromIterable(projections).concatMap(p -> p.apply(e)).then()).orElse(Mono.empty());
    }
}
