package dev.ksefplatform.credentials.security;

import dev.ksefplatform.credentials.web.Problems;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Service-to-service authentication (CONTRACTS §3): admin endpoints need caller {@code admin}, the
 * lease and re-check endpoints caller {@code tenant-worker}, the tenants' self-service caller {@code command-api}. Unknown or missing token 401, wrong caller 403.
 * command-api also forwards the console operators' part of the admin API ({@link OperatorForwarding}), and only it.
 */
public final class CallerAuthenticationFilter implements WebFilter {

    public static final String CALLER_ATTRIBUTE = CallerAuthenticationFilter.class.getName() + ".caller";
    private static final String BEARER = "Bearer ";
    /** Internal paths without an owner are closed to every caller. */
    private static final String NO_CALLER = "";

    private final CallerTokens callers;
    private final Problems problems;

    public CallerAuthenticationFilter(CallerTokens callers, Problems problems) {
        this.callers = callers;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        Optional<String> required = requiredCaller(path);
        if (required.isEmpty()) {
            return chain.filter(exchange);
        }
        Optional<String> caller = bearer(exchange).flatMap(callers::callerOf);
        if (caller.isEmpty()) {
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "a valid bearer token is required");
        }
        if (!caller.get().equals(required.get())
                && !OperatorForwarding.allows(caller.get(), exchange.getRequest().getMethod(), path)) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "caller " + caller.get() + " may not use this endpoint");
        }
        exchange.getAttributes().put(CALLER_ATTRIBUTE, caller.get());
        return chain.filter(exchange);
    }

    private static Optional<String> requiredCaller(String path) {
        if (path.startsWith("/admin/")) {
            return Optional.of("admin");
        }
        if (path.startsWith("/internal/v1/leases") || path.startsWith("/internal/v1/integrations/")) {
            return Optional.of("tenant-worker");
        }
        if (path.startsWith("/internal/v1/tenants/")) {
            return Optional.of("command-api");
        }
        if (path.startsWith("/internal/")) {
            return Optional.of(NO_CALLER);
        }
        return Optional.empty();
    }

    private static Optional<String> bearer(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).trim());
    }
}
