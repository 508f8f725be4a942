package dev.ksefplatform.commandapi.inbox.adapter.http;

import dev.ksefplatform.commandapi.inbox.application.InboxDocument;
import dev.ksefplatform.commandapi.inbox.application.InboxSyncUnavailable;
import dev.ksefplatform.commandapi.inbox.application.SyncStart;
import dev.ksefplatform.commandapi.inbox.application.TenantInbox;
import dev.ksefplatform.commandapi.submission.adapter.http.SyncServiceClient;
import dev.ksefplatform.commandapi.web.CursorNotFound;
import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import dev.ksefplatform.commandapi.web.ReadModelUnavailable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** {@link TenantInbox} over sync-service's internal API; the tenant id is always a path segment it is bound to. */
public final class HttpTenantInbox implements TenantInbox {

    private static final String TENANT = "/internal/v1/tenants/{tenantId}";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Object>> ARRAY = new ParameterizedTypeReference<>() {
    };

    private final WebClient syncService;
    private final Duration timeout;

    public HttpTenantInbox(WebClient syncService, Duration timeout) {
        this.syncService = syncService;
        this.timeout = timeout;
    }

    @Override
    public Mono<Map<String, Object>> page(String tenantId, Map<String, String> query) {
        return call("inbox", syncService.get().uri(uri -> SyncServiceClient.uri(uri, TENANT + "/inbox", tenantId, query)),
                response -> switch (response.statusCode().value()) {
                    case 200 -> response.bodyToMono(OBJECT);
                    case 400 -> query.containsKey("cursor")
                            ? response.releaseBody().then(Mono.error(new InvalidQueryParameter("cursor", "is not a cursor from a previous page")))
                            : response.createError();
                    case 404 -> query.containsKey("cursor")
                            ? response.releaseBody().then(Mono.error(new CursorNotFound())) : response.createError();
                    default -> response.createError();
                });
    }

    @Override
    public Mono<Map<String, Object>> invoice(String tenantId, String ksefNumber) {
        return call("inbox", syncService.get().uri(TENANT + "/inbox/{ksefNumber}", tenantId, ksefNumber),
                response -> found(response, r -> r.bodyToMono(OBJECT)));
    }

    @Override
    public Mono<InboxDocument> document(String tenantId, String ksefNumber) {
        return call("inbox", syncService.get().uri(TENANT + "/inbox/{ksefNumber}/xml", tenantId, ksefNumber),
                response -> found(response, r -> r.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(xml -> new InboxDocument(xml, r.headers().asHttpHeaders().getFirst("Repr-Digest")))));
    }

    @Override
    public Mono<Map<String, Object>> arrivals(String tenantId, LocalDate from, LocalDate to) {
        return call("inbox summary", syncService.get().uri(uri -> SyncServiceClient.uri(uri, TENANT + "/inbox/summary",
                        tenantId, Map.of("from", from.toString(), "to", to.toString()))),
                response -> response.statusCode().value() == 200 ? response.bodyToMono(OBJECT) : response.createError());
    }

    @Override
    public Mono<List<Object>> syncStates(String tenantId) {
        return call("inbox sync state", syncService.get().uri(TENANT + "/inbox-sync", tenantId),
                response -> response.statusCode().value() == 200 ? response.bodyToMono(ARRAY) : response.createError());
    }

    @Override
    public Mono<SyncStart> requestSync(String tenantId, String subjectType, String requestedBy) {
        return call("inbox sync", syncService.post().uri(TENANT + "/inbox-sync", tenantId)
                        .bodyValue(Map.of("subjectType", subjectType, "requestedBy", requestedBy)),
                response -> switch (response.statusCode().value()) {
                    case 200, 202 -> response.bodyToMono(SyncStart.class);
                    case 409 -> response.bodyToMono(OBJECT).defaultIfEmpty(Map.of())
                            .flatMap(problem -> Mono.error(unavailable(problem)));
                    default -> response.createError();
                });
    }

    private <T> Mono<T> call(String what, WebClient.RequestHeadersSpec<?> request,
                             Function<ClientResponse, Mono<T>> answer) {
        return request.exchangeToMono(answer).timeout(timeout)
                .onErrorMap(e -> !(e instanceof InvalidQueryParameter || e instanceof InboxSyncUnavailable),
                        e -> new ReadModelUnavailable(what, e));
    }

    /** sync-service names the latest integration's status; anything else in its problem stays internal. */
    private static InboxSyncUnavailable unavailable(Map<String, Object> problem) {
        Object status = problem.get("integrationStatus");
        return new InboxSyncUnavailable(status instanceof String s && s.matches("[A-Z_]{1,32}") ? s : null);
    }

    private static <T> Mono<T> found(ClientResponse response, Function<ClientResponse, Mono<T>> body) {
        return switch (response.statusCode().value()) {
            case 200 -> body.apply(response);
            case 404 -> response.releaseBody().then(Mono.empty());
            default -> response.createError();
        };
    }
}
