package dev.ksefplatform.systemtests.ksef;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/** Feeds recorded response bytes to the body handler the caller asked for. */
final class ResponseBodies {

    private ResponseBodies() {
    }

    static <T> T decode(HttpResponse<byte[]> raw, HttpResponse.BodyHandler<T> handler) {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new Info(raw));
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        if (raw.body().length > 0) {
            subscriber.onNext(List.of(ByteBuffer.wrap(raw.body())));
        }
        subscriber.onComplete();
        return subscriber.getBody().toCompletableFuture().join();
    }

    private record Info(HttpResponse<byte[]> raw) implements HttpResponse.ResponseInfo {

        @Override
        public int statusCode() {
            return raw.statusCode();
        }

        @Override
        public HttpHeaders headers() {
            return raw.headers();
        }

        @Override
        public HttpClient.Version version() {
            return raw.version();
        }
    }
}
