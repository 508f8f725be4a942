package dev.ksefplatform.systemtests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bytes each JVM has allocated, from Micrometer's {@code jvm_gc_memory_allocated_bytes_total} on the service's
 * {@code /actuator/prometheus}: the young generation's growth, counted at each collection, so a reading lags by at
 * most one young generation (a few tens of MB; small against thousands of invoices' worth).
 */
final class Allocations {

    private static final String METRIC = "jvm_gc_memory_allocated_bytes_total";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> urls;

    /** @param urls name → base URL of a Spring Boot app exposing Prometheus metrics */
    Allocations(Map<String, String> urls) {
        this.urls = urls;
    }

    /** name → bytes allocated so far (-1 when the metric could not be read). */
    Map<String, Double> sample() {
        Map<String, Double> bytes = new LinkedHashMap<>();
        urls.forEach((name, url) -> bytes.put(name, read(url)));
        return bytes;
    }

    private static double read(String url) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(l -> l.startsWith(METRIC)).mapToDouble(l -> Double.parseDouble(l.substring(
                    l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
