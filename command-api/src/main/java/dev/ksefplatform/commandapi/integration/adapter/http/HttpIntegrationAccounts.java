package dev.ksefplatform.commandapi.integration.adapter.http;

import dev.ksefplatform.commandapi.integration.application.CredentialServiceUnavailable;
import dev.ksefplatform.commandapi.integration.application.IntegrationAccounts;
import dev.ksefplatform.commandapi.integration.application.IntegrationNotFound;
import dev.ksefplatform.commandapi.integration.application.IntegrationRefused;
import dev.ksefplatform.commandapi.integration.application.IntegrationView;
import dev.ksefplatform.commandapi.integration.application.NewIntegration;
import dev.ksefplatform.commandapi.integration.domain.IntegrationCredential;
import dev.ksefplatform.commandapi.security.ActingPerson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * {@link IntegrationAccounts} over credential-service's tenant API ({@code /internal/v1/tenants/{tenantId}/…},
 * caller {@code command-api}): the tenant id is always the authenticated tenant's, a path segment the vault binds
 * every operation to. Secrets travel only in request bodies, which are never logged.
 */
public final class HttpIntegrationAccounts implements IntegrationAccounts {

    private static final String INTEGRATIONS = "/internal/v1/tenants/{tenantId}/integrations";
    private static final String ONE = INTEGRATIONS + "/{id}";
    private static final ParameterizedTypeReference<List<IntegrationView>> LIST = new ParameterizedTypeReference<>() {
    };

    private final WebClient vault;
    private final Duration timeout;

    public HttpIntegrationAccounts(WebClient vault, Duration timeout) {
        this.vault = vault;
        this.timeout = timeout;
    }

    @Override
    public Mono<IntegrationView> register(String tenantId, NewIntegration integration) {
        return one("register", null, vault.post().uri(INTEGRATIONS, tenantId).bodyValue(VaultBodies.of(integration)));
    }

    @Override
    public Mono<Void> nameTenant(String tenantId, String nip) {
        return call("name tenant", null, vault.put().uri("/internal/v1/tenants/{tenantId}", tenantId)
                .bodyValue(Map.of("nip", nip)), ClientResponse::releaseBody);
    }

    @Override
    public Mono<List<IntegrationView>> list(String tenantId) {
        return call("list", null, vault.get().uri(INTEGRATIONS, tenantId), response -> response.bodyToMono(LIST));
    }

    @Override
    public Mono<IntegrationView> get(String tenantId, String integrationId) {
        return one("get", integrationId, vault.get().uri(ONE, tenantId, integrationId));
    }

    @Override
    public Mono<IntegrationView> verify(String tenantId, String integrationId, Optional<ActingPerson> person) {
        return one("verify", integrationId, vault.post().uri(ONE + "/verify", tenantId, integrationId)
                .headers(headers -> person.ifPresent(acting -> actor(headers, acting))));
    }

    /** Who asked, for the vault's events (CONTRACTS §credential-service); without it the vault names the tenant. */
    private static void actor(HttpHeaders headers, ActingPerson person) {
        headers.set("X-Actor-Type", person.type());
        headers.set("X-Actor-Id", person.id());
        if (person.onBehalfOf() != null) {
            headers.set("X-Actor-On-Behalf-Of", person.onBehalfOf());
        }
    }

    @Override
    public Mono<IntegrationView> rotateSecret(String tenantId, String integrationId, IntegrationCredential credential) {
        return one("rotate secret", integrationId, vault.post().uri(ONE + "/secret", tenantId, integrationId)
                .bodyValue(Map.of("credential", VaultBodies.credential(credential))));
    }

    @Override
    public Mono<IntegrationView> disable(String tenantId, String integrationId, Optional<ActingPerson> person) {
        return one("disable", integrationId, vault.post().uri(ONE + "/disable", tenantId, integrationId)
                .headers(headers -> person.ifPresent(acting -> actor(headers, acting))));
    }

    @Override
    public Mono<IntegrationView> enable(String tenantId, String integrationId, Optional<ActingPerson> person) {
        return one("enable", integrationId, vault.post().uri(ONE + "/enable", tenantId, integrationId)
                .headers(headers -> person.ifPresent(acting -> actor(headers, acting))));
    }

    private Mono<IntegrationView> one(String what, String integrationId, WebClient.RequestHeadersSpec<?> request) {
        return call(what, integrationId, request, response -> response.bodyToMono(IntegrationView.class));
    }

    private <T> Mono<T> call(String what, String integrationId, WebClient.RequestHeadersSpec<?> request,
                             java.util.function.Function<ClientResponse, Mono<T>> body) {
        return request.exchangeToMono(response -> response.statusCode().is2xxSuccessful() ? body.apply(response)
                        : VaultRefusals.of(response, integrationId))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof IntegrationRefused || e instanceof IntegrationNotFound),
                        e -> new CredentialServiceUnavailable(what, e));
    }
}
