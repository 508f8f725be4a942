package dev.ksefplatform.ksef.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ksefplatform.ksef.client.error.KsefException;
import dev.ksefplatform.ksef.client.error.KsefTransportException;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Sends {@link KsefCall}s: JSON in and out, problem-details errors, typed exceptions, bounded retries. */
public final class KsefHttp {

    private final URI baseUri;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final ErrorMapper errors;

    public KsefHttp(URI baseUri, HttpClient client, Duration requestTimeout, RetryPolicy retryPolicy, Clock clock) {
        String base = baseUri.toString();
        this.baseUri = URI.create(base.endsWith("/") ? base : base + "/");
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
        this.errors = new ErrorMapper(clock);
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public <T> T call(KsefCall<T> call) {
        HttpRequest request = toRequest(call);
        return withRetries(call.idempotent(), () -> read(successful(request), call.responseType()));
    }

    /**
     * A plain GET of a URL KSeF handed out (pre-signed storage links): no token, no JSON, retried like any GET.
     */
    public HttpResponse<byte[]> download(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build();
        return withRetries(true, () -> successful(request));
    }

    private <T> T withRetries(boolean idempotent, Supplier<T> attempt) {
        for (int retry = 1; ; retry++) {
            try {
                return attempt.get();
            } catch (KsefException failure) {
                Optional<Duration> delay = retryPolicy.delayBefore(retry, failure, idempotent);
                if (delay.isEmpty()) {
                    throw failure;
                }
                pause(delay.get());
            }
        }
    }

    private HttpResponse<byte[]> successful(HttpRequest request) {
        HttpResponse<byte[]> response = exchange(request);
        if (response.statusCode() / 100 != 2) {
            throw errors.toException(response);
        }
        return response;
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new KsefTransportException("KSeF call failed: " + request.method() + " " + request.uri().getPath()
                    + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KsefTransportException("Interrupted while calling KSeF", e);
        }
    }

    private static <T> T read(HttpResponse<byte[]> response, Class<T> type) {
        if (type == Void.class) {
            return null;
        }
        if (!ErrorMapper.isJson(response)) {
            throw new KsefUnexpectedResponseException(response.statusCode(),
                    "expected JSON, got " + ErrorMapper.contentType(response), null);
        }
        try {
            return Json.MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new KsefUnexpectedResponseException(response.statusCode(), "unreadable JSON body", e);
        }
    }

    private HttpRequest toRequest(KsefCall<?> call) {
        HttpRequest.Builder b = HttpRequest.newBuilder(baseUri.resolve(relative(call.path())))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("X-Error-Format", "problem-details")
                .method(call.method(), body(call));
        if (call.body() != null) {
            b.header("Content-Type", "application/json");
        }
        if (call.bearer() != null) {
            b.header("Authorization", "Bearer " + call.bearer());
        }
        call.headers().forEach(b::header);
        return b.build();
    }

    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static HttpRequest.BodyPublisher body(KsefCall<?> call) {
        if (call.body() == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(call.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise the body of " + call, e);
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KsefTransportException("Interrupted while waiting to retry a KSeF call", e);
        }
    }
}
