package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.Cause;
import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.integration.domain.IntegrationNotFound;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import dev.ksefplatform.credentials.integration.domain.ProviderCredential;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tenants' self-service (through command-api): every operation is bound to the tenant, and another tenant's
 * integration is not found, exactly as a missing one, so a refusal never reveals who owns an integration.
 */
public final class TenantIntegrations {

    private static final int MAX_PER_TENANT = 500;

    private final IntegrationAdmin admin;
    private final SharedVerifications verifications;
    private final ProviderCredentials providers;

    public TenantIntegrations(IntegrationAdmin admin, SharedVerifications verifications, ProviderCredentials providers) {
        this.admin = admin;
        this.verifications = verifications;
        this.providers = providers;
    }

    /** With the tenant's own secret, or with the environment's provider credential when {@code useProvider}. */
    public Mono<Integration> register(Registration registration, boolean useProvider) {
        if (!useProvider || registration.providerCredentialId() != null) {
            return admin.register(registration);
        }
        return soleProviderOf(registration.environment()).flatMap(provider -> admin.register(new Registration(
                registration.tenantId(), registration.environment(), registration.taxpayerNip(), null,
                registration.scopes(), null, null, provider.id())));
    }

    public Flux<Integration> list(String tenantId) {
        return admin.list(new IntegrationQuery(tenantId, null, 0, MAX_PER_TENANT));
    }

    public Mono<Integration> get(String tenantId, String id) {
        return admin.get(IntegrationId.parse(id)).filter(integration -> integration.belongsTo(tenantId))
                .switchIfEmpty(Mono.error(() -> new IntegrationNotFound(id)));
    }

    public Mono<Integration> verify(String tenantId, String id, Cause cause) {
        return get(tenantId, id).flatMap(owned -> verifications.verify(owned.id(), cause));
    }

    public Mono<Integration> rotateSecret(String tenantId, String id, CredentialType type, String secret) {
        return get(tenantId, id).flatMap(owned -> admin.rotateSecret(owned.id(), type, secret));
    }

    /** {@code cause}: the tenant's person (or an operator acting for it) that asked, named in the event. */
    public Mono<Integration> disable(String tenantId, String id, Cause cause) {
        return get(tenantId, id).flatMap(owned -> admin.disable(owned.id(), "disabled by the tenant", cause));
    }

    public Mono<Integration> enable(String tenantId, String id, Cause cause) {
        return get(tenantId, id).flatMap(owned -> admin.enable(owned.id(), cause));
    }

    private Mono<ProviderCredential> soleProviderOf(String environment) {
        return providers.list().filter(provider -> provider.environment().equals(environment)).collectList()
                .map(found -> sole(found, environment));
    }

    private static ProviderCredential sole(List<ProviderCredential> found, String environment) {
        if (found.size() != 1) {
            throw new InvalidRequest(found.isEmpty()
                    ? "no provider credential is registered for environment " + environment
                    : "several provider credentials serve environment " + environment + "; name providerCredentialId");
        }
        return found.get(0);
    }
}
