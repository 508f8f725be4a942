package dev.ksefplatform.simulator.stats;

import dev.ksefplatform.simulator.auth.BearerTokens;
import dev.ksefplatform.simulator.ratelimit.RateLimitTable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Counts every {@code /v2} call as its answer is committed (so a client that got the answer finds it counted),
 * outermost, so faults, 401s and 429s are counted too.
 */
final class StatsFilter implements WebFilter, Ordered {

    private final SimulatorStats stats;
    private final BearerTokens bearer;
    private final RateLimitTable table = new RateLimitTable();

    StatsFilter(SimulatorStats stats, BearerTokens bearer) {
        this.stats = stats;
        this.bearer = bearer;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (!path.startsWith("/v2/")) {
            return chain.filter(exchange);
        }
        String context = bearer.contextOf(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION)).orElse(null);
        String method = request.getMethod().name();
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> stats.request(context,
                table.route(method, path).map(RateLimitTable.Route::group).orElse("other"),
                endpoint(exchange, method, path), status(exchange))));
        return chain.filter(exchange);
    }

    /** The spec-shaped template when a controller answered, else the path with reference numbers folded. */
    private static String endpoint(ServerWebExchange exchange, String method, String path) {
        PathPattern pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return method + " " + (pattern != null ? pattern.getPatternString() : RateLimitTable.template(path));
    }

    private static int status(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status == null ? 200 : status.value();
    }
}
