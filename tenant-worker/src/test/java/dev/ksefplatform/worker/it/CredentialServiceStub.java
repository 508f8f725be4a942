package dev.ksefplatform.worker.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.KsefClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for credential-service's lease endpoint: it seeds a KSeF token in the simulator and
 * logs in with the real ksef-client, as the vault would, or refuses/fails as a test asks.
 */
final class CredentialServiceStub implements AutoCloseable {

    static final String CALLER_TOKEN = "it-tenant-worker-token";

    private final HttpServer server;
    private final URI simulator;
    private final KsefClient ksef;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final Set<String> inactive = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, Integer> retryAfter = new ConcurrentHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> calls = new ConcurrentHashMap<>();
    private final Set<String> badTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> knownIntegrations = ConcurrentHashMap.newKeySet();
    private final AtomicInteger verificationFailuresLeft = new AtomicInteger();
    private final List<String> verifications = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> leaseCauses = new ConcurrentHashMap<>();

    CredentialServiceStub(URI simulator) throws IOException {
        this.simulator = simulator;
        this.ksef = KsefClient.builder().baseUri(simulator.resolve("/v2")).build();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/v1/leases", this::lease);
        server.createContext("/internal/v1/integrations/", this::verify);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void deny(String contextNip) {
        denied.add(contextNip);
    }

    /** The tenant registered its integration for the NIP: leases are lent again (after {@link #deny}). */
    void register(String contextNip) {
        denied.remove(contextNip);
    }

    /** Leases for the NIP answer 403 integration-not-active until {@link #activate}. */
    void deactivate(String contextNip) {
        inactive.add(contextNip);
    }

    void activate(String contextNip) {
        inactive.remove(contextNip);
    }

    /** The next {@code times} leases for the NIP answer 503 with {@code Retry-After: 1}. */
    void failTimes(String contextNip, int times) {
        failTimes(contextNip, times, 1);
    }

    /** The next {@code times} leases for the NIP answer 503 with {@code Retry-After: retryAfterSeconds}. */
    void failTimes(String contextNip, int times, int retryAfterSeconds) {
        retryAfter.put(contextNip, retryAfterSeconds);
        failuresLeft.put(contextNip, new AtomicInteger(times));
    }

    /** The integration id leases for the NIP carry. */
    static String integrationOf(String contextNip) {
        return "int-" + contextNip;
    }

    /** Verifications of this integration id answer 200 with its status (ERROR while its NIP is inactive). */
    void knowIntegration(String integrationId) {
        knownIntegrations.add(integrationId);
    }

    /**
     * Leases for the NIP lend a token KSeF refuses (401), as after the client revoked the grant. A verification of its
     * integration then finds the permission gone, as credential-service would: the integration goes ERROR and leases
     * are refused until {@link #restore}.
     */
    void revoke(String contextNip) {
        knowIntegration(integrationOf(contextNip));
        badTokens.add(contextNip);
    }

    /** The grant is back and the integration active again: leases work. */
    void restore(String contextNip) {
        badTokens.remove(contextNip);
        activate(contextNip);
    }

    /** The next {@code times} verifications answer 503. */
    void failVerifications(int times) {
        verificationFailuresLeft.set(times);
    }

    /** "tenantId integrationId" of every verification asked for, in order. */
    List<String> verifications() {
        return List.copyOf(verifications);
    }

    /** Every access token this stub has lent, to prove none of them leaks. */
    List<String> lentAccessTokens() {
        return List.copyOf(accessTokens.values());
    }

    /** "correlationId causationId" of every lease asked for the NIP, as its X-Correlation-Id and X-Causation-Id. */
    List<String> leaseCauses(String contextNip) {
        return List.copyOf(leaseCauses.getOrDefault(contextNip, List.of()));
    }

    List<Instant> calls(String contextNip) {
        return new ArrayList<>(calls.getOrDefault(contextNip, List.of()));
    }

    private void lease(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + CALLER_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                problem(exchange, 401, "unauthenticated", "unknown caller");
                return;
            }
            JsonNode request = json.readTree(exchange.getRequestBody());
            String nip = request.path("contextNip").asText();
            calls.computeIfAbsent(nip, n -> new CopyOnWriteArrayList<>()).add(Instant.now());
            leaseCauses.computeIfAbsent(nip, n -> new CopyOnWriteArrayList<>()).add(
                    exchange.getRequestHeaders().getFirst("X-Correlation-Id") + " "
                            + exchange.getRequestHeaders().getFirst("X-Causation-Id"));
            if (denied.contains(nip)) {
                problem(exchange, 403, "tenant-violation", "context " + nip + " is not the tenant's");
            } else if (inactive.contains(nip)) {
                problem(exchange, 403, "integration-not-active", "the integration for " + nip + " is ERROR");
            } else if (failuresLeft.getOrDefault(nip, new AtomicInteger()).getAndDecrement() > 0) {
                exchange.getResponseHeaders().add("Retry-After",
                        Integer.toString(retryAfter.getOrDefault(nip, 1)));
                problem(exchange, 503, "ksef-unavailable", "KSeF is unavailable");
            } else if (badTokens.contains(nip)) {
                respond(exchange, 200, "application/json", json.writeValueAsString(Map.of(
                        "leaseId", UUID.randomUUID().toString(), "accessToken", "revoked-" + UUID.randomUUID(),
                        "validUntil", Instant.now().plusSeconds(600).toString(), "integrationId", integrationOf(nip))));
            } else {
                String token;
                try {
                    token = accessToken(nip);
                } catch (RuntimeException e) {
                    System.err.println("credential stub could not log in for " + nip + ": " + e);
                    problem(exchange, 503, "ksef-unavailable", "login failed: " + e.getMessage());
                    return;
                }
                respond(exchange, 200, "application/json", json.writeValueAsString(Map.of(
                        "leaseId", UUID.randomUUID().toString(), "accessToken", token,
                        "validUntil", Instant.now().plusSeconds(600).toString(), "integrationId", integrationOf(nip))));
            }
        }
    }

    /** {@code POST /internal/v1/integrations/{id}/verify} as credential-service answers it. */
    private void verify(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + CALLER_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                problem(exchange, 401, "unauthenticated", "unknown caller");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String id = path.substring("/internal/v1/integrations/".length(), path.length() - "/verify".length());
            String tenant = json.readTree(exchange.getRequestBody()).path("tenantId").asText();
            verifications.add(tenant + " " + id);
            if (verificationFailuresLeft.getAndDecrement() > 0) {
                problem(exchange, 503, "ksef-unavailable", "KSeF is unavailable");
            } else if (!knownIntegrations.contains(id)) {
                problem(exchange, 404, "integration-not-found", "no integration " + id);
            } else {
                String nip = id.substring("int-".length());
                boolean gone = badTokens.contains(nip);
                if (gone) {
                    deactivate(nip);
                }
                respond(exchange, 200, "application/json", json.writeValueAsString(Map.of("integrationId", id,
                        "status", gone ? "ERROR" : "ACTIVE", "reason", gone ? "grant InvoiceWrite to the provider in"
                                + " the KSeF portal" : "")));
            }
        }
    }

    private String accessToken(String nip) {
        return accessTokens.computeIfAbsent(nip, n -> ksef.auth()
                .loginWithKsefToken(ContextIdentifier.nip(n), seedKsefToken(n)).accessToken().token());
    }

    private String seedKsefToken(String nip) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(simulator.resolve("/sim/v1/ksef-tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("contextNip", nip,
                            "permissions", List.of("InvoiceWrite", "InvoiceRead"), "description", "worker IT"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("seeding a KSeF token failed: HTTP " + response.statusCode());
            }
            return json.readTree(response.body()).path("token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void problem(HttpExchange exchange, int status, String slug, String detail) throws IOException {
        respond(exchange, status, "application/problem+json", json.writeValueAsString(Map.of(
                "type", "https://ksef-platform.dev/problems/" + slug, "title", slug, "status", status,
                "detail", detail)));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
