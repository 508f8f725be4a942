package dev.ksefplatform.commandapi.acting.application;

import dev.ksefplatform.commandapi.acting.domain.StaffActing;
import dev.ksefplatform.commandapi.tenant.application.Tenants;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Records an operator's act-for start or end for an existing tenant, with the tenant's NIP for the audit row. */
public final class StaffActingLog {

    private final Tenants tenants;
    private final ActingEvents events;
    private final Clock clock;

    public StaffActingLog(Tenants tenants, ActingEvents events, Clock clock) {
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    public Mono<StaffActing> record(String tenantId, String operatorId, StaffActing.Phase phase) {
        return tenants.byId(tenantId)
                .switchIfEmpty(Mono.error(() -> new ActedForUnknownTenant(tenantId)))
                .map(tenant -> new StaffActing(UUID.randomUUID().toString(), tenant.id(), tenant.nip(), operatorId,
                        phase, clock.instant()))
                .flatMap(acting -> events.publish(acting).thenReturn(acting));
    }
}
