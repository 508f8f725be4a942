package dev.ksefplatform.console.web;

import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;

/**
 * One request's body which, when its reader stops before the end, reads the rest and drops it, up to {@code bound}
 * bytes (past it, the body is cancelled as it would have been). {@link #done()} completes once nothing is left to
 * wait for: at once if the reader did not stop early.
 */
final class DrainedBody {

    private final long bound;
    private final Sinks.Empty<Void> ended = Sinks.empty();
    private volatile boolean draining;

    DrainedBody(long bound) {
        this.bound = bound;
    }

    Flux<DataBuffer> of(Flux<DataBuffer> body) {
        return Flux.create(sink -> {
            Reader reader = new Reader(sink);
            sink.onRequest(n -> {
                if (!draining) {
                    reader.ask(n);
                }
            });
            sink.onCancel(() -> {
                draining = true;
                reader.ask(Long.MAX_VALUE);
            });
            body.subscribe(reader);
        });
    }

    /** Empty once the body was read to its end, dropped past the bound or failed; at once if nobody stopped early. */
    Mono<Void> done() {
        return Mono.defer(() -> draining ? ended.asMono() : Mono.empty());
    }

    private final class Reader extends BaseSubscriber<DataBuffer> {

        private final FluxSink<DataBuffer> sink;
        private long dropped;
        /** Demand asked before the body's subscription arrived (the server may hand it over on its event loop). */
        private long early;
        private boolean subscribed;

        Reader(FluxSink<DataBuffer> sink) {
            this.sink = sink;
        }

        /** Demand from the body's reader, then, once it stopped, all that is left. */
        void ask(long n) {
            synchronized (this) {
                if (!subscribed) {
                    early = Operators.addCap(early, n);
                    return;
                }
            }
            request(n);
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            long asked;
            synchronized (this) {
                subscribed = true;
                asked = early;
            }
            if (asked > 0) {
                subscription.request(asked);
            }
        }

        @Override
        protected void hookOnNext(DataBuffer buffer) {
            if (!draining) {
                sink.next(buffer);
                return;
            }
            dropped += buffer.readableByteCount();
            DataBufferUtils.release(buffer);
            if (dropped > bound) {
                cancel();
            }
        }

        @Override
        protected void hookOnComplete() {
            sink.complete();
        }

        @Override
        protected void hookOnError(Throwable failure) {
            sink.error(failure);
        }

        @Override
        protected void hookFinally(SignalType type) {
            ended.tryEmitEmpty();
        }
    }
}
