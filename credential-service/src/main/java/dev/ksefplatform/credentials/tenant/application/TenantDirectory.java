package dev.ksefplatform.credentials.tenant.application;

import dev.ksefplatform.credentials.tenant.domain.GatewayTenant;
import reactor.core.publisher.Mono;

/** Where the vault keeps the tenants command-api vouched for. */
public interface TenantDirectory {

    /** Empty when command-api never named the tenant. */
    Mono<GatewayTenant> find(String tenantId);

    /** Records the tenant unless it is known; answers the tenant as stored (the first NIP recorded wins). */
    Mono<GatewayTenant> record(GatewayTenant tenant);
}
