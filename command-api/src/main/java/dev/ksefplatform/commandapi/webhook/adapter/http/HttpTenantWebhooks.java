package dev.ksefplatform.commandapi.webhook.adapter.http;

import dev.ksefplatform.commandapi.web.ReadModelUnavailable;
import dev.ksefplatform.commandapi.webhook.application.InvalidWebhook;
import dev.ksefplatform.commandapi.webhook.application.TenantWebhooks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;
import reactor.util.retry.Retry;

/**
 * {@link TenantWebhooks} over sync-service's {@code /internal/v1/tenants/{tenantId}/webhooks}. A registration names
 * the new webhook's id, so it is asked again, once, when its answer is lost (no answer in {@code writeTimeout}, no
 * connection, a 5xx): sync-service answers a repeat with the webhook it stored, secret included, so a slow answer
 * does not leave a webhook whose secret, shown only in that answer, nobody saw.
 */
public final class HttpTenantWebhooks implements TenantWebhooks {

    private static final String WEBHOOKS = "/internal/v1/tenants/{tenantId}/webhooks";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Object>> ARRAY = new ParameterizedTypeReference<>() {
    };

    private static final int REGISTRATION_ATTEMPTS = 2;

    private final WebClient syncService;
    private final Duration timeout;
    private final Duration writeTimeout;

    public HttpTenantWebhooks(WebClient syncService, Duration timeout, Duration writeTimeout) {
        this.syncService = syncService;
        this.timeout = timeout;
        this.writeTimeout = writeTimeout;
    }

    @Override
    public Mono<Map<String, Object>> register(String tenantId, String url) {
        Map<String, String> body = Map.of("url", url == null ? "" : url, "webhookId", UUID.randomUUID().toString());
        return syncService.post().uri(WEBHOOKS, tenantId).bodyValue(body)
                .httpRequest(request -> request.<HttpClientRequest>getNativeRequest().responseTimeout(writeTimeout))
                .exchangeToMono(response -> switch (response.statusCode().value()) {
                    case 201 -> response.bodyToMono(OBJECT);
                    case 400 -> response.bodyToMono(OBJECT).flatMap(problem ->
                            Mono.error(new InvalidWebhook(String.valueOf(problem.get("detail")))));
                    default -> response.createError();
                }).timeout(writeTimeout)
                .retryWhen(Retry.max(REGISTRATION_ATTEMPTS - 1).filter(HttpTenantWebhooks::answerLost)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(e -> !(e instanceof InvalidWebhook), e -> new ReadModelUnavailable("webhooks", e));
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

    private static boolean answerLost(Throwable e) {
        return e instanceof TimeoutException || e instanceof WebClientRequestException
                || e instanceof WebClientResponseException response && response.getStatusCode().is5xxServerError();
    }
}
