package dev.ksefplatform.systemtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The calls KSeF (the simulator) received, by endpoint, summed over every context ({@code GET /sim/v1/stats}): a
 * phase's calls are the difference of two samples. Deterministic where CPU time is not: the platform's own choices.
 */
final class KsefCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String simulatorUrl;

    KsefCalls(String simulatorUrl) {
        this.simulatorUrl = simulatorUrl;
    }

    Map<String, Long> sample() {
        Map<String, Long> calls = new TreeMap<>();
        try {
            JsonNode stats = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(simulatorUrl + "/sim/v1/stats"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body());
            stats.path("contexts").forEach(context -> context.path("byEndpoint").fields()
                    .forEachRemaining(e -> calls.merge(e.getKey(), e.getValue().asLong(), Long::sum)));
            return calls;
        } catch (IOException e) {
            throw new IllegalStateException("simulator stats unreadable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One line: KSeF calls per invoice by endpoint in the phase, and their total. */
    static String line(String phase, Map<String, Long> before, Map<String, Long> after, int invoices) {
        StringBuilder out = new StringBuilder(String.format("FIGURE cost/%s ksef calls: per invoice (%,d invoices):",
                phase, invoices));
        long total = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long calls = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (calls > 0) {
                total += calls;
                out.append(String.format(" %s %.3f (%,d);", e.getKey(), (double) calls / invoices, calls));
            }
        }
        return out.append(String.format(" all %.3f (%,d)", (double) total / invoices, total)).toString();
    }
}
