package dev.ksefplatform.commandapi.security;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the console's act-for claim into the request's Reactor context, where {@link ActingPersons} finds it. A refused
 * claim is kept as its exception, so the controller's own error handling answers it as problem+json.
 */
final class ActForFilter implements WebFilter {

    private final ActForHeaders headers;

    ActForFilter(ActForHeaders headers) {
        this.headers = headers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!ActForHeaders.present(exchange.getRequest().getHeaders())) {
            return chain.filter(exchange);
        }
        ActingPersons.Claim claim = claim(exchange);
        return chain.filter(exchange).contextWrite(context -> context.put(ActingPersons.Claim.class, claim));
    }

    private ActingPersons.Claim claim(ServerWebExchange exchange) {
        try {
            return new ActingPersons.Claim(headers.person(exchange.getRequest().getHeaders()), null);
        } catch (NotAuthenticated | NotPermitted refused) {
            return new ActingPersons.Claim(null, refused);
        }
    }
}
