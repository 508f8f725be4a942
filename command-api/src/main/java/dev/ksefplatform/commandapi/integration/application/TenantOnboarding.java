package dev.ksefplatform.commandapi.integration.application;

import dev.ksefplatform.commandapi.integration.domain.IntegrationCredential;
import dev.ksefplatform.commandapi.tenant.application.RegisteredTenant;
import dev.ksefplatform.commandapi.tenant.application.TenantRegistration;
import dev.ksefplatform.commandapi.tenant.application.Tenants;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * An operator's one call: the tenant and its integration together, under one tenant id (the gateway's is the
 * vault's). The tenant is stored first (its NIP must be free here); if the vault then refuses the integration, the
 * tenant is removed again before its API key was ever shown, so no tenant exists without the integration asked for.
 */
public final class TenantOnboarding {

    private static final Logger log = LoggerFactory.getLogger(TenantOnboarding.class);

    private final TenantRegistration registration;
    private final Tenants tenants;
    private final SelfService selfService;
    private final IntegrationAccounts accounts;

    public TenantOnboarding(TenantRegistration registration, Tenants tenants, SelfService selfService,
                            IntegrationAccounts accounts) {
        this.registration = registration;
        this.tenants = tenants;
        this.selfService = selfService;
        this.accounts = accounts;
    }

    public record Onboarded(RegisteredTenant tenant, IntegrationView integration) {
    }

    public Mono<Onboarded> onboard(String name, String nip, String environment, List<String> scopes,
                                   IntegrationCredential credential) {
        NewIntegration integration = selfService.newIntegration(nip, environment, scopes, credential);
        return registration.register(name, nip).flatMap(registered -> accounts
                .register(registered.tenant().id(), integration)
                .map(created -> new Onboarded(registered, created))
                .onErrorResume(refused -> undo(registered, refused)));
    }

    /**
     * The tenant alone, named to the vault afterwards. The vault being unreachable does not fail the tenant: it learns
     * the tenant with its first integration (onboarding or self-service); until then an operator's registration in the
     * vault is refused as {@code unknown-tenant}.
     */
    public Mono<RegisteredTenant> registerAlone(String name, String nip) {
        return registration.register(name, nip).flatMap(registered -> accounts.nameTenant(registered.tenant().id(), nip)
                .onErrorResume(e -> {
                    log.warn("tenant not named to credential-service tenantId={} cause={}", registered.tenant().id(),
                            e.getClass().getSimpleName());
                    return Mono.empty();
                })
                .thenReturn(registered));
    }

    private Mono<Onboarded> undo(RegisteredTenant registered, Throwable refused) {
        log.info("onboarding undone tenantId={} cause={}", registered.tenant().id(), refused.getClass().getSimpleName());
        return tenants.remove(registered.tenant().id()).then(Mono.error(refused));
    }
}
