package dev.ksefplatform.support.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.support.web.Problems;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Service-to-service bearer authentication (CONTRACTS §3): missing or unknown token 401, wrong caller 403. */
public final class CallerAuthenticationFilter implements WebFilter {

    private static final String BEARER = "Bearer ";

    private final AccessRules rules;
    private final CallerTokens tokens;
    private final ObjectMapper json;

    public CallerAuthenticationFilter(AccessRules rules, CallerTokens tokens, ObjectMapper json) {
        this.rules = rules;
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<Set<String>> allowed = rules.allowedCallers(exchange.getRequest().getPath().value());
        if (allowed.isEmpty()) {
            return chain.filter(exchange);
        }
        Optional<String> caller = bearer(exchange).flatMap(tokens::callerOf);
        if (caller.isEmpty()) {
            return reject(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "A valid service bearer token is required.");
        }
        if (!allowed.get().contains(caller.get())) {
            return reject(exchange.getResponse(), HttpStatus.FORBIDDEN, "forbidden",
                    "Caller " + caller.get() + " may not use this endpoint.");
        }
        return chain.filter(exchange);
    }

    private static Optional<String> bearer(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return header != null && header.startsWith(BEARER) ? Optional.of(header.substring(BEARER.length()).trim())
                : Optional.empty();
    }

    private Mono<Void> reject(ServerHttpResponse response, HttpStatus status, String slug, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        try {
            byte[] body = json.writeValueAsBytes(Problems.of(status, slug, detail));
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        } catch (JsonProcessingException e) {
            return Mono.error(new IllegalStateException("cannot render problem " + slug, e));
        }
    }
}
