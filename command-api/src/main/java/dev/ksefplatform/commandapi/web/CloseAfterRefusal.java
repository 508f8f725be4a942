package dev.ksefplatform.commandapi.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A refused request (4xx, 5xx) closes its connection after the answer. The system fuzz suite (HostileInputIT) saw a
 * request on a kept-alive connection never answered, twice, each time right after an empty body was refused, with
 * every server thread idle: most likely reactor-netty's keep-alive read stall (#4361, fixed by #4347 after the
 * 1.2.18 this Spring Boot brings; not reproduced in isolation). A client that sends bad input pays one reconnect per
 * refusal; accepted invoices keep their connections.
 */
final class CloseAfterRefusal implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            if (status != null && (status.is4xxClientError() || status.is5xxServerError())) {
                exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
