package dev.ksefplatform.audit.log.application;

import dev.ksefplatform.audit.log.domain.AuditFold;
import dev.ksefplatform.audit.log.domain.AuditLogChange;
import dev.ksefplatform.audit.log.domain.AuditedEvent;
import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import java.time.Clock;
import reactor.core.publisher.Mono;

/** Folds one event into the {@link AuditLog}; runs inside the projector's transaction. */
public final class AuditProjection implements ReadModelUpdate<AuditedEvent> {

    private final AuditLog log;
    private final Clock clock;

    public AuditProjection(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public Mono<Void> apply(AuditedEvent event) {
        return log.holds(event.eventId()).flatMap(held -> {
            AuditLogChange change = AuditFold.fold(held, event, clock.instant());
            return change instanceof AuditLogChange.Append append ? log.append(append.entry()) : Mono.empty();
        });
    }
}
