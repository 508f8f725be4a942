package dev.ksefplatform.commandapi.integration.adapter.http;

import dev.ksefplatform.commandapi.integration.application.CredentialServiceUnavailable;
import dev.ksefplatform.commandapi.integration.application.IntegrationFilter;
import dev.ksefplatform.commandapi.integration.application.IntegrationNotFound;
import dev.ksefplatform.commandapi.integration.application.IntegrationRefused;
import dev.ksefplatform.commandapi.integration.application.KeyRotationView;
import dev.ksefplatform.commandapi.integration.application.VaultAdmin;
import dev.ksefplatform.commandapi.integration.application.VaultIntegration;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * {@link VaultAdmin} over credential-service's admin API, with the gateway's own token (caller {@code command-api},
 * which the vault lets reach only these endpoints). The operator goes as {@code X-Actor-Id}: the vault's events name it.
 */
public final class HttpVaultAdmin implements VaultAdmin {

    private static final String INTEGRATIONS = "/admin/v1/integrations";
    private static final String ROTATIONS = "/admin/v1/vault/rotations";

    private final WebClient vault;
    private final Duration timeout;

    public HttpVaultAdmin(WebClient vault, Duration timeout) {
        this.vault = vault;
        this.timeout = timeout;
    }

    @Override
    public Mono<List<VaultIntegration>> list(IntegrationFilter filter) {
        return call("list integrations", null, vault.get().uri(uri -> query(uri.path(INTEGRATIONS), filter).build()),
                response -> response.bodyToMono(Page.class).map(Page::items));
    }

    @Override
    public Mono<VaultIntegration> act(String integrationId, QuickAction action, String operatorId) {
        return call(action.name().toLowerCase(Locale.ROOT), integrationId, vault.post()
                        .uri(INTEGRATIONS + "/{id}/{action}", integrationId, action.name().toLowerCase(Locale.ROOT))
                        .header("X-Actor-Id", operatorId),
                response -> response.bodyToMono(VaultIntegration.class));
    }

    @Override
    public Mono<KeyRotationView> startRotation(int targetVersion, String operatorId) {
        return call("start rotation", null, vault.post().uri(ROTATIONS).header("X-Actor-Id", operatorId)
                .bodyValue(Map.of("targetVersion", targetVersion)), response -> response.bodyToMono(KeyRotationView.class));
    }

    @Override
    public Mono<KeyRotationView> rotation(String rotationId) {
        return call("rotation progress", null, vault.get().uri(ROTATIONS + "/{id}", rotationId),
                response -> response.bodyToMono(KeyRotationView.class));
    }

    private static UriBuilder query(UriBuilder uri, IntegrationFilter filter) {
        optional(uri, "tenantId", filter.tenantId());
        optional(uri, "status", filter.status());
        optional(uri, "kind", filter.kind());
        optional(uri, "environment", filter.environment());
        return uri.queryParam("page", filter.page()).queryParam("size", filter.size());
    }

    /** Values are checked by the API before they come here (no {@code &}, {@code +} or {@code %} in any). */
    private static void optional(UriBuilder uri, String name, String value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    private <T> Mono<T> call(String what, String integrationId, WebClient.RequestHeadersSpec<?> request,
                             Function<ClientResponse, Mono<T>> body) {
        return request.exchangeToMono(response -> response.statusCode().is2xxSuccessful() ? body.apply(response)
                        : refused(response, integrationId))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof IntegrationRefused || e instanceof IntegrationNotFound),
                        e -> new CredentialServiceUnavailable(what, e));
    }

    /** A rotation the vault does not know is the operator's 404; everything else as for the tenants' calls. */
    private static <T> Mono<T> refused(ClientResponse response, String integrationId) {
        if (response.statusCode().value() == 404 && integrationId == null) {
            return response.releaseBody().then(Mono.error(new IntegrationRefused(404, "key-rotation-not-found",
                    "Key rotation not found", "no master-key rotation has this id; start one with POST " + ROTATIONS)));
        }
        return VaultRefusals.of(response, integrationId);
    }

    private record Page(List<VaultIntegration> items) {
    }
}
