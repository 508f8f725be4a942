package dev.ksefplatform.commandapi.notification.adapter.http;

import dev.ksefplatform.commandapi.notification.application.NotificationFeed;
import dev.ksefplatform.commandapi.submission.adapter.http.SyncServiceClient;
import dev.ksefplatform.commandapi.web.CursorNotFound;
import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import dev.ksefplatform.commandapi.web.ReadModelUnavailable;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** {@link NotificationFeed} over sync-service's {@code GET /internal/v1/tenants/{tenantId}/notifications}. */
public final class HttpNotificationFeed implements NotificationFeed {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private final WebClient syncService;
    private final Duration timeout;

    public HttpNotificationFeed(WebClient syncService, Duration timeout) {
        this.syncService = syncService;
        this.timeout = timeout;
    }

    /** sync-service refuses only what the gateway cannot check itself: a cursor it did not issue. */
    @Override
    public Mono<Map<String, Object>> page(String tenantId, Map<String, String> query) {
        return syncService.get()
                .uri(uri -> SyncServiceClient.uri(uri, "/internal/v1/tenants/{tenantId}/notifications", tenantId, query))
                .exchangeToMono(response -> switch (response.statusCode().value()) {
                    case 200 -> response.bodyToMono(OBJECT);
                    case 400 -> query.containsKey("cursor") ? response.releaseBody()
                            .then(Mono.error(new InvalidQueryParameter("cursor", "is not a cursor from a previous page")))
                            : response.createError();
                    case 404 -> query.containsKey("cursor")
                            ? response.releaseBody().then(Mono.error(new CursorNotFound())) : response.createError();
                    default -> response.createError();
                })
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof InvalidQueryParameter),
                        e -> new ReadModelUnavailable("the notification feed", e));
    }
}
