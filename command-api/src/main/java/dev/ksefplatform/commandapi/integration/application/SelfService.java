package dev.ksefplatform.commandapi.integration.application;

import dev.ksefplatform.commandapi.integration.domain.IntegrationCredential;
import dev.ksefplatform.commandapi.integration.domain.InvalidIntegration;
import dev.ksefplatform.commandapi.security.ActingPersons;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import java.util.List;
import reactor.core.publisher.Mono;

/** A tenant's own integrations: always in its own KSeF context (its NIP), never another tenant's. */
public final class SelfService {

    private final IntegrationAccounts accounts;
    private final String defaultEnvironment;

    public SelfService(IntegrationAccounts accounts, String defaultEnvironment) {
        this.accounts = accounts;
        this.defaultEnvironment = defaultEnvironment;
    }

    public Mono<IntegrationView> create(Tenant tenant, String environment, List<String> scopes,
                                        IntegrationCredential credential) {
        return accounts.register(tenant.id(), newIntegration(tenant.nip(), environment, scopes, credential));
    }

    /** The integration an operator's onboarding call or a tenant asks for, in the tenant's context. */
    public NewIntegration newIntegration(String nip, String environment, List<String> scopes,
                                         IntegrationCredential credential) {
        String env = environment == null || environment.isBlank() ? defaultEnvironment : environment;
        return new NewIntegration(env, nip, scopes, credential);
    }

    public Mono<List<IntegrationView>> list(Tenant tenant) {
        return accounts.list(tenant.id());
    }

    public Mono<IntegrationView> get(Tenant tenant, String integrationId) {
        return accounts.get(tenant.id(), integrationId);
    }

    public Mono<IntegrationView> verify(Tenant tenant, String integrationId) {
        return ActingPersons.current().flatMap(person -> accounts.verify(tenant.id(), integrationId, person));
    }

    /** Only an integration's own secret can be replaced here; the provider rotates its credential itself. */
    public Mono<IntegrationView> rotateSecret(Tenant tenant, String integrationId, IntegrationCredential credential) {
        if (credential instanceof IntegrationCredential.Provider) {
            return Mono.error(new InvalidIntegration("credential.type must be KSEF_TOKEN or CERTIFICATE"));
        }
        return accounts.rotateSecret(tenant.id(), integrationId, credential);
    }

    public Mono<IntegrationView> disable(Tenant tenant, String integrationId) {
        return ActingPersons.current().flatMap(person -> accounts.disable(tenant.id(), integrationId, person));
    }

    public Mono<IntegrationView> enable(Tenant tenant, String integrationId) {
        return ActingPersons.current().flatMap(person -> accounts.enable(tenant.id(), integrationId, person));
    }
}
