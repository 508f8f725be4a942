package dev.ksefplatform.audit.projection.application;

import dev.ksefplatform.audit.log.application.AuditProjection;
import dev.ksefplatform.audit.log.domain.AuditedEvent;
import dev.ksefplatform.audit.projection.domain.RecordPosition;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Applies one record exactly once: the audit row and its offset commit or roll back together. */
public final class EventProjector {

    private final AuditProjection projection;
    private final AppliedOffsets offsets;
    private final TransactionalOperator transaction;

    public EventProjector(AuditProjection projection, AppliedOffsets offsets, TransactionalOperator transaction) {
        this.projection = projection;
        this.offsets = offsets;
        this.transaction = transaction;
    }

    /** True when applied, false when an earlier delivery already applied it. */
    public Mono<Boolean> project(RecordPosition position, AuditedEvent event) {
        Mono<Boolean> work = offsets.lastAppliedLocked(position).flatMap(last -> position.isCoveredBy(last)
                ? Mono.just(false)
                : projection.apply(event).then(offsets.record(position)).thenReturn(true));
        return work.as(transaction::transactional);
    }
}
