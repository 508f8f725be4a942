package dev.ksefplatform.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Drives a running stack over its public HTTP APIs, as an operator and as a tenant would: the
 * launcher seeds and demonstrates with it, and the system tests act through it.
 */
public final class PlatformClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PlatformEndpoints stack;

    public PlatformClient(PlatformEndpoints stack) {
        this.stack = stack;
    }

    /** Kept so that classes compiled against the in-JVM stack's constructor still link. */
    public PlatformClient(PlatformStack stack) {
        this((PlatformEndpoints) stack);
    }

    /** A tenant as the platform knows it, with the API key it was given once. */
    public record Tenant(String tenantId, String nip, String apiKey, String integrationId) {
        @Override
        public String toString() {
            return "Tenant[" + tenantId + ", nip=" + nip + "]";
        }
    }

    /** An HTTP answer: status, body and headers. */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /**
     * Onboards a taxpayer end to end: a KSeF token in the (simulated) KSeF context, then the tenant and its
     * integration in one command-api call, verified against KSeF through the vault's admin API.
     */
    public Tenant onboard(String name, String nip) {
        String admin = "Bearer " + stack.secrets().adminToken();
        JsonNode ksefToken = expect(201, post(Apps.SIMULATOR, "/sim/v1/ksef-tokens", null, Map.of(
                "contextNip", nip, "permissions", List.of("InvoiceWrite", "InvoiceRead"),
                "description", "ksef-platform " + name)));
        // one call: the gateway's tenant and its integration in the vault under the same tenant id
        JsonNode tenant = expect(201, post(Apps.COMMAND_API, "/admin/v1/tenants", admin, Map.of("name", name, "nip", nip,
                "integration", Map.of("environment", "TEST", "scopes", List.of("InvoiceWrite", "InvoiceRead"),
                        "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", ksefToken.get("token").asText())))));
        JsonNode integration = tenant.get("integration");
        String integrationId = integration.get("integrationId").asText();
        JsonNode verified = expect(200, post(Apps.CREDENTIAL_SERVICE, "/admin/v1/integrations/" + integrationId + "/verify", admin, Map.of()));
        if (!"ACTIVE".equals(verified.path("status").asText())) {
            throw new IllegalStateException("integration for " + nip + " not verified: " + verified);
        }
        return new Tenant(tenant.get("tenantId").asText(), nip, tenant.get("apiKey").asText(), integrationId);
    }

    /** POST /api/v1/invoices as the tenant. */
    public Answer submitInvoice(Tenant tenant, byte[] xml, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(uri(Apps.COMMAND_API, "/api/v1/invoices"))
                .header("X-API-Key", tenant.apiKey()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build();
        return send(request);
    }

    /** GET /api/v1/invoices/{commandId} as the tenant. */
    public Answer invoiceStatus(Tenant tenant, String commandId) {
        return send(HttpRequest.newBuilder(uri(Apps.COMMAND_API, "/api/v1/invoices/" + commandId))
                .header("X-API-Key", tenant.apiKey()).GET().build());
    }

    /** PENDING: not yet seen by KSeF; SENT: in a KSeF session, the verdict still to come (CONTRACTS §4). */
    private static final java.util.Set<String> NOT_FINAL = java.util.Set.of("PENDING", "SENT");

    /** Polls the tenant's submission until it has KSeF's verdict (or fails) or the deadline passes. */
    public JsonNode awaitFinalStatus(Tenant tenant, String commandId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Answer answer = invoiceStatus(tenant, commandId);
            last = answer.body();
            if (answer.status() == 200 && !NOT_FINAL.contains(last.path("status").asText())) {
                return last;
            }
            sleep(100);
        }
        throw new IllegalStateException("submission " + commandId + " still not final after " + timeout + ": " + last);
    }

    /** GET on any app with an optional bearer token. */
    public Answer get(String app, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(app, path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private Answer post(String app, String path, String authorization, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(app, path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return send(request.build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank()
                    ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected HTTP " + status + " from " + answer.raw().request().uri().getPath()
                    + " but got " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private URI uri(String app, String path) {
        return URI.create(stack.url(app) + path);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
