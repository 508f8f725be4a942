package dev.ksefplatform.ksef.client.http;

import dev.ksefplatform.ksef.client.KsefCallObserver;
import dev.ksefplatform.ksef.client.error.KsefApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ksefplatform.ksef.client.error.KsefException;
import dev.ksefplatform.ksef.client.error.KsefTransportException;
import dev.ksefplatform.ksef.client.error.KsefUnexpectedResponseException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Sends {@link KsefCall}s: JSON in and out, problem-details errors, typed exceptions, bounded retries. */
public final class KsefHttp {

    // reference numbers (20250101-SE-…), KSeF numbers, NIPs, UUIDs: anything with a digit and 8+ characters
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("(?=.*\\d)[\\w.-]{8,}");

    // The JDK sets these itself and refuses them from callers; a storage link may still list them.
    private static final Set<String> RESTRICTED_HEADERS = Set.of("content-length", "host", "connection", "expect",
            "upgrade");

    private final URI baseUri;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration transferTimeout;
    private final RetryPolicy retryPolicy;
    private final ErrorMapper errors;
    private final KsefCallObserver observer;

    public KsefHttp(URI baseUri, HttpClient client, Duration requestTimeout, RetryPolicy retryPolicy, Clock clock) {
        this(baseUri, client, requestTimeout, Duration.ofMinutes(10), retryPolicy, clock);
    }

    /** {@code transferTimeout} bounds each storage upload or download (batch parts, export parts). */
    public KsefHttp(URI baseUri, HttpClient client, Duration requestTimeout, Duration transferTimeout,
                    RetryPolicy retryPolicy, Clock clock) {
        this(baseUri, client, requestTimeout, transferTimeout, retryPolicy, clock, KsefCallObserver.NONE);
    }

    /** {@code observer} is told of every exchange (see {@link KsefCallObserver}). */
    public KsefHttp(URI baseUri, HttpClient client, Duration requestTimeout, Duration transferTimeout,
                    RetryPolicy retryPolicy, Clock clock, KsefCallObserver observer) {
        this.observer = observer;
        this.transferTimeout = transferTimeout;
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

    /** The successful response as bytes (non-JSON bodies, e.g. invoice XML); headers stay readable. */
    public HttpResponse<byte[]> exchange(KsefCall<?> call) {
        HttpRequest request = toRequest(call);
        return withRetries(call.idempotent(), () -> successful(request));
    }

    /**
     * Sends a file to a pre-signed storage URL with exactly the given method and headers: no token, streamed from disk.
     */
    public void upload(String method, URI url, Map<String, String> headers, Path file) {
        // HTTP/1.1, a connection per part: a 100 MB body gains nothing from multiplexing, and on plain http it would
        // otherwise carry an h2c upgrade, which a server must buffer whole before it switches.
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(transferTimeout).version(HttpClient.Version.HTTP_1_1);
        headers.forEach((name, value) -> {
            if (value != null && !RESTRICTED_HEADERS.contains(name.toLowerCase())) {
                b.setHeader(name, value);
            }
        });
        HttpRequest request = b.method(method, fileBody(file)).build();
        withRetries(true, () -> successful(request));
    }

    /**
     * A plain GET of a pre-signed URL, streamed into {@code target}: no token, heap use independent of size. Returns
     * the response headers (storage sends e.g. {@code x-ms-meta-hash}).
     */
    public java.net.http.HttpHeaders downloadTo(URI url, Path target) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(transferTimeout).GET().build();
        return withRetries(true, () -> successful(request, FileOrError.handler(target))).headers();
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
        return successful(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> successful(HttpRequest request, HttpResponse.BodyHandler<byte[]> handler) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = send(request, handler);
        } catch (KsefException e) {
            observe(request, 0, start, e);
            throw e;
        }
        if (response.statusCode() / 100 != 2) {
            KsefException failure = errors.toException(response);
            observe(request, response.statusCode(), start, failure);
            throw failure;
        }
        observe(request, response.statusCode(), start, null);
        return response;
    }

    private void observe(HttpRequest request, int status, long start, KsefException failure) {
        Integer code = failure instanceof KsefApiException api && !api.errors().isEmpty()
                ? api.errors().get(0).code() : null;
        observer.called(new KsefCallObserver.ObservedCall(request.method(), endpoint(request.uri()), status,
                (System.nanoTime() - start) / 1_000_000, code, failure == null ? null : failure.getMessage()));
    }

    /** The path below the API base with identifiers replaced, so that calls of one endpoint group together. */
    private String endpoint(URI uri) {
        String base = baseUri.getPath();
        if (!uri.getPath().startsWith(base) || !uri.getHost().equals(baseUri.getHost())) {
            return "storage";
        }
        String[] segments = uri.getPath().substring(base.length()).split("/");
        StringBuilder template = new StringBuilder();
        for (String segment : segments) {
            template.append('/').append(IDENTIFIER.matcher(segment).matches() ? "{id}" : segment);
        }
        return template.toString();
    }

    private static HttpRequest.BodyPublisher fileBody(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, HttpResponse.BodyHandler<byte[]> handler) {
        try {
            return client.send(request, handler);
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
            b.header("Content-Type", call.body() instanceof RawBody raw ? raw.contentType() : "application/json");
        }
        if (call.bearer() != null) {
            b.header("Authorization", "Bearer " + call.bearer());
        }
        call.headers().forEach(b::setHeader);
        return b.build();
    }

    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static HttpRequest.BodyPublisher body(KsefCall<?> call) {
        if (call.body() == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (call.body() instanceof RawBody raw) {
            return HttpRequest.BodyPublishers.ofByteArray(raw.bytes());
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
