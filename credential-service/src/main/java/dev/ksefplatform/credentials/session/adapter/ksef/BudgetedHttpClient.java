package dev.ksefplatform.credentials.session.adapter.ksef;

import dev.ksefplatform.ksef.limits.RateBudgets;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK client under ksef-client, with every request passing the {@link BudgetGate} first — including ksef-client's
 * own retries and the several calls of one login — and every 429 fed back to the budget. Wrapping the transport keeps
 * ksef-client unchanged and misses no call.
 */
final class BudgetedHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final BudgetGate gate;

    BudgetedHttpClient(HttpClient delegate, BudgetGate gate) {
        this.delegate = delegate;
        this.gate = gate;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        String context = BudgetScope.current();
        KsefRoutes.Route route = KsefRoutes.of(request.method(), request.uri().getPath());
        RateBudgets.Decision grant = gate.acquire(context, route);
        HttpResponse<T> response;
        try {
            response = delegate.send(request, handler);
        } finally {
            gate.answered(context, route, grant);
        }
        if (response.statusCode() == 429) {
            gate.rateLimited(context, route, retryAfter(response));
        }
        return response;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return sendAsync(request, handler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        String context = BudgetScope.current();
        KsefRoutes.Route route = KsefRoutes.of(request.method(), request.uri().getPath());
        RateBudgets.Decision grant = gate.acquire(context, route);
        return delegate.sendAsync(request, handler, pushPromiseHandler)
                .whenComplete((response, failure) -> gate.answered(context, route, grant)).thenApply(response -> {
            if (response.statusCode() == 429) {
                gate.rateLimited(context, route, retryAfter(response));
            }
            return response;
        });
    }

    /** Seconds, as KSeF sends it; a missing or unreadable value counts as one minute. */
    static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> !value.isEmpty() && value.chars().allMatch(Character::isDigit))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)))
                .orElse(Duration.ofMinutes(1));
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
