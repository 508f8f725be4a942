package dev.ksefplatform.systemtests.ksef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.ksef.client.KsefClient;
import dev.ksefplatform.simulator.KsefSimulatorApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real simulator in this JVM on a random port, and its test-only {@code /sim/v1} back door (seeding tokens,
 * faults, the list of accepted invoices) over a plain HTTP client that the contract check does not see.
 */
final class RunningSimulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final ConfigurableApplicationContext app;
    private final URI root;

    private RunningSimulator(ConfigurableApplicationContext app) {
        this.app = app;
        this.root = URI.create("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort());
    }

    /** Fast processing (20 ms per step), the official rate limits unless an argument turns them off. */
    static RunningSimulator start(String... args) {
        String[] all = Stream.concat(Stream.of("--server.port=0", "--simulator.processing-delay=20ms",
                "--simulator.auth-delay=20ms"), Stream.of(args)).toArray(String[]::new);
        return new RunningSimulator(KsefSimulatorApplication.builder().run(all));
    }

    static RunningSimulator startWithoutRateLimits() {
        return start("--simulator.rate-limits.enabled=false");
    }

    URI apiBase() {
        return root.resolve("/v2");
    }

    /** A client whose every exchange lands in {@code log}; fast backoff so polls do not dominate the run. */
    KsefClient client(ContractLog log, UnaryOperator<KsefClient.Builder> options) {
        return options.apply(KsefClient.builder()
                .baseUri(apiBase())
                .httpClient(new RecordingHttpClient(log::record))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(400))).build();
    }

    KsefClient client(ContractLog log) {
        return client(log, UnaryOperator.identity());
    }

    /** A KSeF token and its reference number. */
    record SeededToken(String referenceNumber, String token) {
    }

    /** A KSeF token for {@code nip}, as if made after a XAdES login with {@code POST /tokens}. */
    SeededToken seedKsefToken(String nip, String... permissions) {
        JsonNode created = call("POST", "/sim/v1/ksef-tokens", Map.of("contextNip", nip,
                "permissions", List.of(permissions), "description", "system-tests"), 201);
        return new SeededToken(created.path("referenceNumber").asText(), created.path("token").asText());
    }

    /** Simulator-only: {@code subject} (Nip/Pesel/Fingerprint) no longer holds {@code permissions} in {@code contextNip}. */
    void revokePermissions(String contextNip, String subjectType, String subjectValue, String... permissions) {
        call("POST", "/sim/v1/permissions/revoke", permissionChange(contextNip, subjectType, subjectValue, permissions),
                200);
    }

    void restorePermissions(String contextNip, String subjectType, String subjectValue, String... permissions) {
        call("POST", "/sim/v1/permissions/restore", permissionChange(contextNip, subjectType, subjectValue, permissions),
                200);
    }

    private static Map<String, Object> permissionChange(String contextNip, String subjectType, String subjectValue,
                                                        String... permissions) {
        return Map.of("contextNip", contextNip, "subject", Map.of("type", subjectType, "value", subjectValue),
                "permissions", List.of(permissions));
    }

    /**
     * The simulator's counters for {@code contextNip}: {@code requests}, {@code byGroup}, {@code byEndpoint},
     * {@code byStatus}, {@code tooManyRequests}, {@code invoicesReceived}, {@code receivedMoreThanOnce},
     * {@code receivedByHash}.
     */
    JsonNode stats(String contextNip) {
        return call("GET", "/sim/v1/stats?contextNip=" + contextNip, null, 200).path("contexts").path(contextNip);
    }

    /**
     * {@code count} accepted invoices to {@code buyerNip} (see {@code POST /sim/v1/inbox/seed}: {@code from}/{@code to}
     * spread their storage dates, {@code ratePerSecond} makes them arrive over time). Returns
     * {@code firstPermanentStorageDate}, {@code lastPermanentStorageDate}, {@code sellerNips}.
     */
    JsonNode seedInbox(Map<String, Object> request) {
        return call("POST", "/sim/v1/inbox/seed", request, 201);
    }

    void injectFaults(Map<String, Object> faults) {
        call("POST", "/sim/v1/faults", faults, -1);
    }

    void clearFaults() {
        call("DELETE", "/sim/v1/faults", null, -1);
    }

    /** Every invoice of {@code sellerNip} the simulator accepted, oldest first: {@code ksefNumber, invoiceNumber, …}. */
    List<JsonNode> acceptedInvoices(String sellerNip) {
        List<JsonNode> invoices = new ArrayList<>();
        call("GET", "/sim/v1/invoices?sellerNip=" + sellerNip, null, 200).forEach(invoices::add);
        return invoices;
    }

    /**
     * An FA(3) invoice put into KSeF as if its seller had sent it (no session, no rate limits): inbound data for the
     * buyer ({@code Podmiot2}). Returns {@code ksefNumber, acquisitionDate, permanentStorageDate}.
     */
    JsonNode receivedInvoice(byte[] xml) {
        return send(HttpRequest.newBuilder(root.resolve("/sim/v1/invoices/received")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).header("Content-Type", "application/xml").build(), 201);
    }

    private JsonNode call(String method, String path, Object body, int expectedStatus) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                        .header("Content-Type", "application/json");
            }
            return send(request.build(), expectedStatus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (expectedStatus > 0 && response.statusCode() != expectedStatus
                    || response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " -> "
                        + response.statusCode());
            }
            return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
