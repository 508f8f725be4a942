package dev.ksefplatform.simulator.ratelimit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.simulator.auth.BearerTokens;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Answers 429 with Retry-After once a (context, client IP) counter is full, as KSeF does. */
final class RateLimitFilter implements WebFilter, Ordered {

    private final RateLimitTable table = new RateLimitTable();
    private final SlidingWindows windows;
    private final BearerTokens bearer;
    private final ObjectMapper mapper;
    private final Clock clock;

    RateLimitFilter(SlidingWindows windows, BearerTokens bearer, ObjectMapper mapper, Clock clock) {
        this.windows = windows;
        this.bearer = bearer;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Optional<RateLimitTable.Route> route = table.route(request.getMethod().name(), request.getPath().value());
        if (route.isEmpty()) {
            return chain.filter(exchange);
        }
        String key = key(route.get(), request);
        return windows.acquire(key, route.get().limits(), clock.millis())
                .map(wait -> tooManyRequests(exchange, route.get(), wait))
                .orElseGet(() -> chain.filter(exchange));
    }

    private String key(RateLimitTable.Route route, ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String ip = remote == null ? "unknown" : remote.getAddress().getHostAddress();
        String context = route.perIpOnly() ? "-"
                : bearer.contextOf(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION)).orElse("-");
        return route.counter() + "|" + context + "|" + ip;
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, RateLimitTable.Route route, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String detail = "Przekroczono limit żądań dla grupy " + route.group() + ". Spróbuj ponownie po " + seconds
                + " s.";
        boolean problem = "problem-details".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst("X-Error-Format"));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.getHeaders().setContentType(problem ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        byte[] body = json(problem ? problem(exchange, detail) : Map.of("status",
                Map.of("code", 429, "description", "Too Many Requests", "details", List.of(detail))));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private Map<String, Object> problem(ServerWebExchange exchange, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Too Many Requests");
        body.put("status", 429);
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("detail", detail);
        body.put("timestamp", Instant.now(clock).toString());
        body.put("traceId", exchange.getRequest().getId());
        return body;
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always serialisable", e);
        }
    }
}
