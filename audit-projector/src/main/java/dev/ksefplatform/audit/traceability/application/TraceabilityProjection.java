package dev.ksefplatform.audit.traceability.application;

import dev.ksefplatform.audit.log.domain.AuditedEvent;
import dev.ksefplatform.audit.traceability.domain.Traceability;
import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Checks each batch against the traceability invariant inside the projector's transaction. A violation is a row
 * and an alarm, never a failure: the event is still audited and the batch goes on, so nothing retries it.
 */
public final class TraceabilityProjection implements ReadModelUpdate<AuditedEvent> {

    private final IntegrationOwners owners;
    private final ViolationLog violations;
    private final ViolationAlarm alarm;

    public TraceabilityProjection(IntegrationOwners owners, ViolationLog violations, ViolationAlarm alarm) {
        this.owners = owners;
        this.violations = violations;
        this.alarm = alarm;
    }

    @Override
    public Mono<Void> apply(List<AuditedEvent> events) {
        return owners.claimAll(Traceability.claims(events))
                .then(Mono.defer(() -> ownersOf(Traceability.namedIntegrations(events))))
                .map(known -> Traceability.violations(events, known))
                .flatMap(violations::recordAll)
                .flatMap(alarm::raiseOnCommit);
    }

    private Mono<Map<String, String>> ownersOf(List<String> integrationIds) {
        return integrationIds.isEmpty() ? Mono.just(Map.of()) : owners.ownersOf(integrationIds);
    }
}
