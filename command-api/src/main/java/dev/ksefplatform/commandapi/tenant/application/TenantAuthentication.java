package dev.ksefplatform.commandapi.tenant.application;

import dev.ksefplatform.commandapi.security.NotAuthenticated;
import dev.ksefplatform.commandapi.tenant.domain.ApiKeyHash;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import reactor.core.publisher.Mono;

/** Finds the active tenant an API key belongs to, by the key's hash. */
public final class TenantAuthentication {

    private static final int MAX_KEY_LENGTH = 200;

    private final Tenants tenants;

    public TenantAuthentication(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The tenant, or {@link NotAuthenticated} when the key is missing, unknown or its tenant disabled. */
    public Mono<Tenant> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > MAX_KEY_LENGTH) {
            return Mono.error(NotAuthenticated.apiKey());
        }
        return tenants.byApiKey(ApiKeyHash.of(apiKey.strip()))
                .filter(Tenant::isActive)
                .switchIfEmpty(Mono.error(NotAuthenticated::apiKey));
    }
}
