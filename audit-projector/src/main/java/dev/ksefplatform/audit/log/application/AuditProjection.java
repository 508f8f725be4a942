package dev.ksefplatform.audit.log.application;

import dev.ksefplatform.audit.log.domain.AuditFold;
import dev.ksefplatform.audit.log.domain.AuditedEvent;
import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import java.time.Clock;
import java.util.List;
import reactor.core.publisher.Mono;

/** Folds a batch of events into the {@link AuditLog}; runs inside the projector's transaction. */
public final class AuditProjection implements ReadModelUpdate<AuditedEvent> {

    private final AuditLog log;
    private final Clock clock;

    public AuditProjection(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public Mono<Void> apply(List<AuditedEvent> events) {
        return Mono.defer(() -> log.appendAll(AuditFold.fold(events, clock.instant())));
    }
}
