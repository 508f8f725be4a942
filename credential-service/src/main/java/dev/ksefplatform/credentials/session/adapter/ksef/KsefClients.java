package dev.ksefplatform.credentials.session.adapter.ksef;

import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.ksef.limits.RateBudgets;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import dev.ksefplatform.credentials.session.application.KsefCallAudit;

/**
 * One shared {@link KsefClient} per KSeF environment, from {@code ksef.environments.<ENV>.base-url}, each over its own
 * rate budget (one egress IP per environment): every call passes the budget before it is sent.
 */
public final class KsefClients {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final Map<String, URI> baseUris;
    private final Budget budget;
    private final KsefCallRecorder recorder;
    private final Map<String, KsefClient> clients = new ConcurrentHashMap<>();

    /** How calls are paced: the longest a call may wait for its turn, and the margin added to every window. */
    public record Budget(Duration maxWait, Duration margin, Clock clock) {
        public static Budget defaults() {
            return new Budget(Duration.ofSeconds(5), Duration.ofMillis(100), Clock.systemUTC());
        }
    }

    public KsefClients(Map<String, URI> baseUris, Budget budget) {
        this(baseUris, budget, KsefCallAudit.NONE);
    }

    /** {@code audit} is told of every KSeF call made through {@link #inContext}. */
    public KsefClients(Map<String, URI> baseUris, Budget budget, KsefCallAudit audit) {
        this.baseUris = Map.copyOf(baseUris);
        this.budget = budget;
        this.recorder = new KsefCallRecorder(audit, budget.clock());
    }

    /** Runs calls for {@code contextNip}: each passes its rate budget, and all of them are audited. */
    <T> T inContext(String environment, String contextNip, Supplier<T> calls) {
        return BudgetScope.in(contextNip, () -> recorder.recording(environment, contextNip, calls));
    }

    public boolean knows(String environment) {
        return baseUris.containsKey(environment);
    }

    public KsefClient forEnvironment(String environment) {
        return clients.computeIfAbsent(environment, env -> KsefClient.builder()
                .baseUri(baseUri(env))
                .httpClient(budgeted(baseUri(env)))
                .requestTimeout(REQUEST_TIMEOUT)
                .maxRetries(2)
                .observer(recorder)
                .build());
    }

    private HttpClient budgeted(URI baseUri) {
        HttpClient jdk = HttpClient.newBuilder()
                .connectTimeout(REQUEST_TIMEOUT)
                .version("https".equalsIgnoreCase(baseUri.getScheme()) ? HttpClient.Version.HTTP_2
                        : HttpClient.Version.HTTP_1_1)
                .build();
        BudgetGate gate = new BudgetGate(new RateBudgets(budget.clock(), budget.margin()), budget.clock(),
                budget.maxWait(), duration -> Thread.sleep(duration.toMillis(), 0));
        return new BudgetedHttpClient(jdk, gate);
    }

    private URI baseUri(String environment) {
        URI uri = baseUris.get(environment);
        if (uri == null) {
            throw new IllegalArgumentException("no ksef.environments." + environment + ".base-url configured");
        }
        return uri;
    }
}
