package dev.ksefplatform.commandapi.tenant.application;

import dev.ksefplatform.commandapi.tenant.domain.ApiKeyHash;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import reactor.core.publisher.Mono;

/** Where tenants are kept. */
public interface Tenants {

    /** Stores a new tenant; fails with {@link NipAlreadyRegistered} when its NIP has a tenant. */
    Mono<Void> add(Tenant tenant, ApiKeyHash apiKeyHash);

    Mono<Tenant> byApiKey(ApiKeyHash apiKeyHash);

    /** The tenant with this id; empty when there is none (or the id is not one of ours). */
    Mono<Tenant> byId(String tenantId);

    /**
     * Tenants by name, at most {@code limit}: those whose name contains {@code query} (any case) or whose NIP or id
     * starts with it; every tenant for a null query.
     */
    reactor.core.publisher.Flux<Tenant> list(String query, int limit);

    /** Removes a tenant that never received its API key (an onboarding the vault refused). */
    Mono<Void> remove(String tenantId);
}
