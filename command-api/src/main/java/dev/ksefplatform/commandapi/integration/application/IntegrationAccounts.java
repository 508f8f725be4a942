package dev.ksefplatform.commandapi.integration.application;

import dev.ksefplatform.commandapi.integration.domain.IntegrationCredential;
import dev.ksefplatform.commandapi.security.ActingPerson;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The vault's integration accounts, always as one tenant: another tenant's integration is
 * {@link IntegrationNotFound}, as a missing one.
 */
public interface IntegrationAccounts {

    Mono<IntegrationView> register(String tenantId, NewIntegration integration);

    /** Names the gateway's tenant and its NIP to the vault, so that an operator may register its integrations there. */
    Mono<Void> nameTenant(String tenantId, String nip);

    Mono<List<IntegrationView>> list(String tenantId);

    Mono<IntegrationView> get(String tenantId, String integrationId);

    /**
     * Logs in to KSeF and checks the grants now: ACTIVE, or ERROR/EXPIRED with what to fix. The vault's events of it
     * name {@code person} (a console user, or an operator acting for the tenant) when there is one, else the tenant.
     */
    Mono<IntegrationView> verify(String tenantId, String integrationId, Optional<ActingPerson> person);

    Mono<IntegrationView> rotateSecret(String tenantId, String integrationId, IntegrationCredential credential);

    /** As {@link #verify}: the vault's event names {@code person} when there is one, else the tenant. */
    Mono<IntegrationView> disable(String tenantId, String integrationId, Optional<ActingPerson> person);

    Mono<IntegrationView> enable(String tenantId, String integrationId, Optional<ActingPerson> person);
}
