package dev.ksefplatform.simulator.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * KSeF authenticates before it reads a body: a protected /v2 call without a valid JWT is 401 even
 * when its body is broken. Token type and permissions are still checked by each endpoint.
 */
final class BearerRequiredFilter implements WebFilter, Ordered {

    private static final Pattern PUBLIC = Pattern.compile("/v2/(auth/(challenge|ksef-token|xades-signature)"
            + "|security/public-key-certificates|peppol/query"
            + "|testdata/(subject|person|permissions|attachment)(/(remove|revoke))?|testdata/context/(block|unblock))");

    private final BearerTokens bearer;
    private final ObjectMapper mapper;
    private final Clock clock;

    BearerRequiredFilter(BearerTokens bearer, ObjectMapper mapper, Clock clock) {
        this.bearer = bearer;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/v2/") || PUBLIC.matcher(path).matches()
                || bearer.verifies(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))) {
            return chain.filter(exchange);
        }
        return unauthorized(exchange, path);
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Unauthorized");
        body.put("status", 401);
        body.put("detail", "Brak tokena dostępowego lub token jest nieprawidłowy.");
        body.put("instance", path);
        body.put("timestamp", clock.instant().toString());
        body.put("traceId", exchange.getRequest().getId());
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            return response.writeWith(Mono.just(response.bufferFactory().wrap(mapper.writeValueAsBytes(body))));
        } catch (JsonProcessingException e) {
            return Mono.error(new IllegalStateException("a map of strings is always serialisable", e));
        }
    }
}
