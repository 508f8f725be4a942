package dev.ksefplatform.simulator.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Applies latency, 5xx answers, HTML pages and 429s to /v2 calls, before anything but the counters sees them. */
final class FaultFilter implements WebFilter, Ordered {

    private static final byte[] HTML = ("<!DOCTYPE html><html><head><title>KSeF - przerwa techniczna</title></head>"
            + "<body><h1>Trwa przerwa techniczna</h1><p>Spróbuj ponownie później.</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);

    private final FaultInjector injector;

    FaultFilter(FaultInjector injector) {
        this.injector = injector;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/v2/")) {
            return chain.filter(exchange);
        }
        Faults faults = injector.current();
        Mono<Void> answer = switch (injector.nextOutcome()) {
            case ERROR -> write(exchange.getResponse(), faults.errorStatus(), MediaType.APPLICATION_JSON,
                    ("{\"status\":{\"code\":" + faults.errorStatus() + ",\"description\":\"Service Unavailable\"}}")
                            .getBytes(StandardCharsets.UTF_8));
            case HTML -> write(exchange.getResponse(), faults.htmlStatus(), MediaType.TEXT_HTML, HTML);
            case THROTTLE -> throttle(exchange.getResponse(), faults.retryAfterSeconds());
            case PASS -> chain.filter(exchange);
        };
        return faults.latencyMs() > 0 ? Mono.delay(Duration.ofMillis(faults.latencyMs())).then(answer) : answer;
    }

    /** KSeF's 429 in its JSON form (the rate limiter's own answer has the same shape). */
    private static Mono<Void> throttle(ServerHttpResponse response, int retryAfterSeconds) {
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        return write(response, 429, MediaType.APPLICATION_JSON, ("{\"status\":{\"code\":429,\"description\":"
                + "\"Too Many Requests\",\"details\":[\"Przekroczono limit żądań. Spróbuj ponownie po "
                + retryAfterSeconds + " s.\"]}}").getBytes(StandardCharsets.UTF_8));
    }

    private static Mono<Void> write(ServerHttpResponse response, int status, MediaType type, byte[] body) {
        response.setStatusCode(HttpStatus.valueOf(status));
        response.getHeaders().setContentType(type);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
