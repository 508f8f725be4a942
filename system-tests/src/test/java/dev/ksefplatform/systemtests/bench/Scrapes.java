package dev.ksefplatform.systemtests.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every service's {@code /actuator/prometheus} read at a fixed interval for the whole run, as Prometheus reads it in
 * production (deploy/prometheus: every 15 s), so the warm-up compiles the request path a deployed service runs.
 * Without it the only such requests were the benchmark's own readings at each phase's edges ({@link Allocations}),
 * and each one made the JIT drop command-api's request mapping compiled for submissions alone (JFR's
 * {@code jdk.Deoptimization}: {@code class_check} in WebFlux's request mapping, 72 deoptimisations in the REST
 * phase's first seconds; 11 with these scrapes, none of them there). The compiler's CPU in that phase did not fall
 * with it (system-tests README, "Metrics scraped all run long").
 */
final class Scrapes implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-scrapes");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    /** Starts reading every URL's metrics now and then every {@code interval}; none for a zero interval. */
    Scrapes(List<String> baseUrls, Duration interval) {
        if (!interval.isZero()) {
            timer.scheduleAtFixedRate(() -> baseUrls.forEach(this::scrape), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void scrape(String baseUrl) {
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            (status == 200 ? done : failed).incrementAndGet();
        } catch (java.io.IOException | RuntimeException e) {
            failed.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "N scrapes, M failed". */
    String summary() {
        return "%,d scrapes, %,d failed".formatted(done.get(), failed.get());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
