package dev.ksefplatform.console.web;

import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A request whose body stopped arriving ({@link WebConfiguration}'s read timeouts) is the browser's doing, not the
 * console's: 408 and the connection closed, logged at DEBUG, instead of a logged 500. A whole-request timeout's class
 * is not public (reactor-netty's {@code RequestTimeoutException}), hence its name.
 */
final class RequestTimedOut implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestTimedOut.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        boolean timedOut = failure instanceof ReadTimeoutException
                || failure.getClass().getSimpleName().equals("RequestTimeoutException");
        if (!timedOut || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        log.debug("request body not received in time path={} cause={}", exchange.getRequest().getPath(), failure.toString());
        exchange.getResponse().setStatusCode(HttpStatus.REQUEST_TIMEOUT);
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return exchange.getResponse().setComplete();
    }
}
