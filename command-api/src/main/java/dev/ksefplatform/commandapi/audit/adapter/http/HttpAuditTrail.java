package dev.ksefplatform.commandapi.audit.adapter.http;

import dev.ksefplatform.commandapi.audit.application.AuditQueryTooBroad;
import dev.ksefplatform.commandapi.audit.application.AuditTrail;
import dev.ksefplatform.commandapi.submission.adapter.http.SyncServiceClient;
import dev.ksefplatform.commandapi.web.CursorNotFound;
import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import dev.ksefplatform.commandapi.web.ReadModelUnavailable;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * {@link AuditTrail} over audit-projector's {@code GET /internal/v1/tenants/{tenantId}/audit} and
 * {@code GET /internal/v1/audit}. The gateway checks every parameter first, so a 400 from audit-projector can only
 * be about the cursor, the one value it alone can judge.
 */
public final class HttpAuditTrail implements AuditTrail {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private static final String TIMED_OUT = "audit-query-timeout";

    private final WebClient auditProjector;
    private final Duration timeout;

    public HttpAuditTrail(WebClient auditProjector, Duration timeout) {
        this.auditProjector = auditProjector;
        this.timeout = timeout;
    }

    @Override
    public Mono<Map<String, Object>> tenantPage(String tenantId, Map<String, String> query) {
        return page(uri -> SyncServiceClient.uri(uri, "/internal/v1/tenants/{tenantId}/audit", tenantId, query), query);
    }

    @Override
    public Mono<Map<String, Object>> operatorsPage(Map<String, String> query) {
        return page(uri -> acrossTenants(uri, query), query);
    }

    private Mono<Map<String, Object>> page(Function<UriBuilder, URI> uri, Map<String, String> query) {
        return auditProjector.get().uri(uri)
                .exchangeToMono(response -> switch (response.statusCode().value()) {
                    case 200 -> response.bodyToMono(OBJECT);
                    case 400 -> query.containsKey("cursor") ? refused(response, new InvalidQueryParameter("cursor",
                            "is not a cursor from a previous page of this list")) : response.createError();
                    case 404 -> query.containsKey("cursor")
                            ? response.releaseBody().then(Mono.error(new CursorNotFound())) : response.createError();
                    case 503 -> response.bodyToMono(OBJECT).defaultIfEmpty(Map.of())
                            .flatMap(problem -> Mono.error(timedOut(problem) ? new AuditQueryTooBroad()
                                    : new IllegalStateException("audit-projector answered 503")));
                    default -> response.createError();
                })
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof InvalidQueryParameter || e instanceof AuditQueryTooBroad),
                        e -> new ReadModelUnavailable("the audit log", e));
    }

    /** As {@link SyncServiceClient#uri}, values as URI variables, but without a tenant: {@code tenantId} is a filter. */
    private static URI acrossTenants(UriBuilder uri, Map<String, String> query) {
        uri.path("/internal/v1/audit");
        query.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri.build(query);
    }

    private static boolean timedOut(Map<String, Object> problem) {
        return String.valueOf(problem.get("type")).endsWith("/" + TIMED_OUT);
    }

    private static <T> Mono<T> refused(ClientResponse response, RuntimeException refusal) {
        return response.releaseBody().then(Mono.error(refusal));
    }
}
