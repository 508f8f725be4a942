package dev.ksefplatform.commandapi.integration.application;

import dev.ksefplatform.commandapi.tenant.application.Tenants;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The operators' view of every tenant's integrations: the vault's page with each tenant's name and NIP joined in from
 * the gateway's own registry (one look-up per tenant on the page, never per row), and the quick actions.
 */
public final class OperatorIntegrations {

    private static final Logger log = LoggerFactory.getLogger(OperatorIntegrations.class);

    private final VaultAdmin vault;
    private final Tenants tenants;

    public OperatorIntegrations(VaultAdmin vault, Tenants tenants) {
        this.vault = vault;
        this.tenants = tenants;
    }

    public Mono<List<OperatorIntegration>> list(IntegrationFilter filter) {
        return vault.list(filter).flatMap(page -> tenantsOf(page).map(byId -> page.stream()
                .map(i -> joined(i, byId.get(i.tenantId()))).toList()));
    }

    public Mono<OperatorIntegration> act(String integrationId, VaultAdmin.QuickAction action, String operatorId) {
        return vault.act(integrationId, action, operatorId)
                .doOnNext(i -> log.info("operator quick action operatorId={} action={} integrationId={} tenantId={} "
                        + "status={}", operatorId, action, integrationId, i.tenantId(), i.status()))
                .flatMap(i -> tenants.byId(i.tenantId()).map(t -> joined(i, t)).defaultIfEmpty(joined(i, null)));
    }

    private Mono<Map<String, Tenant>> tenantsOf(List<VaultIntegration> page) {
        return Flux.fromStream(page.stream().map(VaultIntegration::tenantId).distinct())
                .concatMap(tenants::byId)
                .collect(Collectors.toMap(Tenant::id, Function.identity()));
    }

    private static OperatorIntegration joined(VaultIntegration integration, Tenant tenant) {
        return new OperatorIntegration(integration, tenant == null ? null : tenant.name(),
                tenant == null ? null : tenant.nip());
    }
}
