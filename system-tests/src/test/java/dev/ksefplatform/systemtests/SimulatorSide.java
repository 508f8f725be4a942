package dev.ksefplatform.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformEndpoints;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.KsefClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulated KSeF holds: its {@code /sim/v1} back door (seeding an inbox, the accepted invoices with their
 * hashes, KSeF tokens, credential-service's admin API) and, for byte comparisons, the official download
 * {@code GET /v2/invoices/ksef/{ksefNumber}} through ksef-client.
 */
public final class SimulatorSide {

    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 as RunningSimulator and ksef-client use on plain http: no h2c upgrade attempts
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final PlatformEndpoints stack;

    public SimulatorSide(PlatformEndpoints stack) {
        this.stack = stack;
    }

    /** {@code POST /sim/v1/inbox/seed}: {@code count} invoices to {@code buyerNip} from {@code sellerNips}. */
    JsonNode seed(String buyerNip, List<String> sellerNips, int count, Integer ratePerSecond) {
        Map<String, Object> request = new HashMap<>(Map.of("buyerNip", buyerNip, "count", count, "sellerNips", sellerNips));
        if (ratePerSecond != null) {
            request.put("ratePerSecond", ratePerSecond);
        }
        return call(Apps.SIMULATOR, "POST", "/sim/v1/inbox/seed", null, request, 201);
    }

    /** {@code POST /sim/v1/faults} (every {@code /v2} call may fail as set), or with null {@code DELETE} (none). */
    public void faults(Map<String, Object> faults) {
        if (faults == null) {
            call(Apps.SIMULATOR, "DELETE", "/sim/v1/faults", null, null, 204);
        } else {
            call(Apps.SIMULATOR, "POST", "/sim/v1/faults", null, faults, 200);
        }
    }

    /** The simulator's counters for one context: {@code byStatus}, {@code tooManyRequests}, … */
    JsonNode stats(String contextNip) {
        return call(Apps.SIMULATOR, "GET", "/sim/v1/stats?contextNip=" + contextNip, null, null, 200)
                .path("contexts").path(contextNip);
    }

    /** KSeF number → Base64 SHA-256 of the document, for every invoice the sellers had accepted. */
    Map<String, String> hashesBySeller(List<String> sellerNips) {
        Map<String, String> hashes = new HashMap<>();
        for (String seller : sellerNips) {
            call(Apps.SIMULATOR, "GET", "/sim/v1/invoices?sellerNip=" + seller, null, null, 200)
                    .forEach(i -> hashes.put(i.path("ksefNumber").asText(), i.path("invoiceHash").asText()));
        }
        return hashes;
    }

    /** A reader of {@code contextNip}'s invoices through KSeF's own API (a fresh KSeF token with InvoiceRead). */
    Downloads downloads(String contextNip) {
        String token = call(Apps.SIMULATOR, "POST", "/sim/v1/ksef-tokens", null, Map.of("contextNip", contextNip,
                "permissions", List.of("InvoiceRead"), "description", "system-tests reader"), 201).path("token").asText();
        KsefClient ksef = KsefClient.builder().baseUri(URI.create(stack.url(Apps.SIMULATOR) + "/v2")).build();
        String access = ksef.auth().loginWithKsefToken(ContextIdentifier.nip(contextNip), token).accessToken().token();
        return ksefNumber -> ksef.invoiceQueries().invoice(access, ksefNumber);
    }

    /** Downloads one invoice as KSeF stores it. */
    interface Downloads {
        byte[] xml(String ksefNumber);
    }

    /** credential-service's admin API: {@code disable}, {@code enable} or {@code verify} an integration. */
    JsonNode integration(String integrationId, String action) {
        return call(Apps.CREDENTIAL_SERVICE, "POST", "/admin/v1/integrations/" + integrationId + "/" + action,
                "Bearer " + stack.secrets().adminToken(), Map.of(), 200);
    }

    private JsonNode call(String app, String method, String path, String authorization, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(app) + path))
                    .timeout(Duration.ofSeconds(60));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
