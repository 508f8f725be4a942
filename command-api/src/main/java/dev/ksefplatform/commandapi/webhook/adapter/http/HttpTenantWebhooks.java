package dev.ksefplatform.commandapi.webhook.adapter.http;

import dev.ksefplatform.commandapi.web.ReadModelUnavailable;
import dev.ksefplatform.commandapi.webhook.application.InvalidWebhook;
import dev.ksefplatform.commandapi.webhook.application.TenantWebhooks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** {@link TenantWebhooks} over sync-service's {@code /internal/v1/tenants/{tenantId}/webhooks}. */
public final class HttpTenantWebhooks implements TenantWebhooks {

    private static final String WEBHOOKS = "/internal/v1/tenants/{tenantId}/webhooks";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Object>> ARRAY = new ParameterizedTypeReference<>() {
    };

    private final WebClient syncService;
    private final Duration timeout;

    public HttpTenantWebhooks(WebClient syncService, Duration timeout) {
        this.syncService = syncService;
        this.timeout = timeout;
    }

    @Override
    public Mono<Map<String, Object>> register(String tenantId, String url) {
        return call(syncService.post().uri(WEBHOOKS, tenantId).bodyValue(Map.of("url", url == null ? "" : url)),
                response -> switch (response.statusCode().value()) {
                    case 201 -> response.bodyToMono(OBJECT);
                    case 400 -> response.bodyToMono(OBJECT).flatMap(problem ->
                            Mono.error(new InvalidWebhook(String.valueOf(problem.get("detail")))));
                    default -> response.createError();
                });
    }

    @Override
    public Mono<List<Object>> list(String tenantId) {
        return call(syncService.get().uri(WEBHOOKS, tenantId), response -> ok(response, ARRAY));
    }

    @Override
    public Mono<Boolean> remove(String tenantId, String webhookId) {
        return call(syncService.delete().uri(WEBHOOKS + "/{id}", tenantId, webhookId),
                response -> switch (response.statusCode().value()) {
                    case 204 -> response.releaseBody().thenReturn(true);
                    case 404 -> response.releaseBody().thenReturn(false);
                    default -> response.createError();
                });
    }

    @Override
    public Mono<List<Object>> deliveries(String tenantId, String webhookId, int limit) {
        return call(syncService.get().uri(WEBHOOKS + "/{id}/deliveries?limit={limit}", tenantId, webhookId, limit),
                response -> ok(response, ARRAY));
    }

    private static <T> Mono<T> ok(ClientResponse response, ParameterizedTypeReference<T> type) {
        return response.statusCode().value() == 200 ? response.bodyToMono(type) : response.createError();
    }

    private <T> Mono<T> call(WebClient.RequestHeadersSpec<?> request, Function<ClientResponse, Mono<T>> answer) {
        return request.exchangeToMono(answer).timeout(timeout)
                .onErrorMap(e -> !(e instanceof InvalidWebhook), e -> new ReadModelUnavailable("webhooks", e));
    }
}
