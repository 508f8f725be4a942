package dev.ksefplatform.commandapi.upstream.application;

import dev.ksefplatform.commandapi.tenant.application.Tenants;
import java.time.Clock;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The admin's grants: an upstream system configured here may act for a tenant of the gateway once granted. */
public final class UpstreamAccess {

    private final Set<String> systems;
    private final Tenants tenants;
    private final UpstreamGrants grants;
    private final Clock clock;

    public UpstreamAccess(Set<String> systems, Tenants tenants, UpstreamGrants grants, Clock clock) {
        this.systems = Set.copyOf(systems);
        this.tenants = tenants;
        this.grants = grants;
        this.clock = clock;
    }

    public Mono<Void> grant(String systemId, String tenantId) {
        return known(systemId).then(tenants.byId(tenantId)
                .switchIfEmpty(Mono.error(() -> new UpstreamTenantNotFound(tenantId)))
                .flatMap(tenant -> grants.grant(systemId, tenant.id(), clock.instant())));
    }

    public Mono<Void> withdraw(String systemId, String tenantId) {
        return known(systemId).then(grants.withdraw(systemId, tenantId));
    }

    public Flux<UpstreamGrants.Grant> grants(String systemId) {
        return known(systemId).thenMany(grants.of(systemId));
    }

    private Mono<Void> known(String systemId) {
        return systems.contains(systemId) ? Mono.empty() : Mono.error(new UpstreamNotFound(systemId));
    }
}
