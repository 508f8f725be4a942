package dev.ksefplatform.credentials.tenant.application;

import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import dev.ksefplatform.credentials.tenant.domain.GatewayTenant;
import dev.ksefplatform.credentials.tenant.domain.UnknownTenant;
import dev.ksefplatform.ksef.id.Nip;
import reactor.core.publisher.Mono;

/**
 * The link between command-api's tenants and the vault's: command-api (which owns tenants) names each tenant with its
 * NIP — explicitly when it registers one, implicitly with every self-service registration — and an operator's
 * registration is accepted only for a tenant so named, in that tenant's NIP.
 */
public final class GatewayTenants {

    private final TenantDirectory directory;

    public GatewayTenants(TenantDirectory directory) {
        this.directory = directory;
    }

    /** command-api vouches for the tenant; a tenant already known under another NIP is a mismatch. */
    public Mono<GatewayTenant> vouch(String tenantId, String nip) {
        return checked(tenantId, nip).then(Mono.defer(() -> directory.record(new GatewayTenant(tenantId, nip))))
                .doOnNext(stored -> stored.requireNip(nip));
    }

    /** An operator names the tenant: it must be known, and the NIP its own. */
    public Mono<GatewayTenant> requireOwn(String tenantId, String nip) {
        return checked(tenantId, nip).then(Mono.defer(() -> directory.find(tenantId)))
                .switchIfEmpty(Mono.error(() -> new UnknownTenant(tenantId)))
                .doOnNext(known -> known.requireNip(nip));
    }

    private static Mono<Void> checked(String tenantId, String nip) {
        if (tenantId == null || tenantId.isBlank()) {
            return Mono.error(new InvalidRequest("tenantId is required"));
        }
        return nip != null && Nip.isValid(nip) ? Mono.empty() : Mono.error(new InvalidRequest("taxpayerNip is not a valid NIP"));
    }
}
