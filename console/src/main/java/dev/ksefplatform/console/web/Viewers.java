package dev.ksefplatform.console.web;

import dev.ksefplatform.console.login.ConsoleUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Finds the {@link Viewer} of a request from its authentication and session. */
final class Viewers {

    private Viewers() {
    }

    static Mono<Viewer> of(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance)
                .map(principal -> ((Authentication) principal).getPrincipal())
                .filter(ConsoleUser.class::isInstance)
                .cast(ConsoleUser.class)
                .zipWith(exchange.getSession(), (user, session) -> Viewer.of(user, ActingFor.in(session)));
    }
}
