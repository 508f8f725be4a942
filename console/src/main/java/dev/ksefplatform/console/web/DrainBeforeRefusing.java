package dev.ksefplatform.console.web;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An answer given while the browser is still sending (an upload over the multipart reader's limits: 413) reaches the
 * browser only if the request was read to its end: a server that closes a connection with bytes unread resets it, and
 * the browser shows a reset connection instead of the answer (ConsoleUploadIT's 3 MB part: 2 refusals in 60 lost so).
 * So the rest of a body its handler stopped reading is read and dropped, up to {@link #BOUND} bytes, before the
 * response is built and written. Past the bound the connection is closed as before, and a rest that stops arriving
 * fails on the server's read timeouts ({@link WebConfiguration}): the work and the wait per request stay bounded.
 */
final class DrainBeforeRefusing implements HttpHandlerDecoratorFactory {

    /** Above the largest upload the console takes (20 files of 1 MB with their multipart framing). */
    static final long BOUND = 32L * 1024 * 1024;

    @Override
    public HttpHandler apply(HttpHandler handler) {
        return (request, response) -> {
            DrainedBody body = new DrainedBody(BOUND);
            return handler.handle(new ServerHttpRequestDecorator(request) {
                @Override
                public Flux<DataBuffer> getBody() {
                    return body.of(super.getBody());
                }
            }, new ServerHttpResponseDecorator(response) {
                @Override
                public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
                    return body.done().then(Mono.defer(() -> super.writeWith(content)));
                }

                @Override
                public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> content) {
                    return body.done().then(Mono.defer(() -> super.writeAndFlushWith(content)));
                }

                @Override
                public Mono<Void> setComplete() {
                    return body.done().then(Mono.defer(super::setComplete));
                }
            });
        };
    }
}
