package dev.ksefplatform.commandapi.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and discards whatever a handler left of the request body before the answer is sent, so a request is always
 * complete before its client sees the response. Early refusals (401, 403, 413 by declared length, 415, unknown
 * route) answered without reading the body; the client, answered, sent its next request on the same kept-alive
 * connection while the server was still receiving the previous body, and Reactor Netty (1.2.x) could then stop
 * reading that connection for good: the next request hung until the client's timeout (reactor-netty#4361). A body
 * that cannot be drained (longer than {@link #LIMIT}, or abandoned half-read) is answered with
 * {@code Connection: close} instead, so the connection is never reused.
 */
final class RequestBodyDrain implements WebFilter {

    /** Four times the largest invoice: draining is cheap, and a client who sends more gets its connection closed. */
    static final long LIMIT = 4L * 1024 * 1024;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (headers.getContentLength() <= 0 && !headers.containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        TrackedBody request = new TrackedBody(exchange.getRequest());
        exchange.getResponse().beforeCommit(() -> request.settle(exchange.getResponse()));
        return chain.filter(exchange.mutate().request(request).build());
    }

    /** Knows whether the handler read the body to its end, and reads the rest when it did not start. */
    private static final class TrackedBody extends ServerHttpRequestDecorator {

        private volatile boolean subscribed;
        private volatile boolean complete;

        TrackedBody(ServerHttpRequest delegate) {
            super(delegate);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return super.getBody().doOnSubscribe(s -> subscribed = true).doOnComplete(() -> complete = true);
        }

        Mono<Void> settle(ServerHttpResponse response) {
            if (complete) {
                return Mono.empty();
            }
            if (subscribed || getHeaders().getContentLength() > LIMIT) {
                return close(response);
            }
            return super.getBody()
                    .map(TrackedBody::release)
                    .scan(0L, Long::sum)
                    .takeUntil(read -> read > LIMIT)
                    .last(0L)
                    .flatMap(read -> read > LIMIT ? close(response) : Mono.<Void>empty())
                    .onErrorResume(e -> close(response));
        }

        /** Released right away, and only its size goes on: a buffer reaching a discarding operator would be freed twice. */
        private static long release(DataBuffer buffer) {
            long size = buffer.readableByteCount();
            DataBufferUtils.release(buffer);
            return size;
        }

        private static Mono<Void> close(ServerHttpResponse response) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
            return Mono.empty();
        }
    }
}
