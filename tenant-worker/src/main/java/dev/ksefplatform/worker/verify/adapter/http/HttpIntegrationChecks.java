package dev.ksefplatform.worker.verify.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.worker.engine.application.KsefFailure;
import dev.ksefplatform.worker.verify.application.IntegrationChecks;
import dev.ksefplatform.worker.verify.domain.IntegrationStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * credential-service's {@code POST /internal/v1/integrations/{id}/verify} (caller {@code tenant-worker}), bound to the
 * tenant: another tenant's integration is a 404, as a missing one. A verification logs in to KSeF, so its timeout is
 * the caller's longest.
 */
public class HttpIntegrationChecks implements IntegrationChecks {

    private final HttpClient http;
    private final URI baseUri;
    private final String callerToken;
    private final Duration timeout;
    private final ObjectMapper json;

    public HttpIntegrationChecks(HttpClient http, URI baseUri, String callerToken, Duration timeout, ObjectMapper json) {
        this.http = http;
        this.baseUri = baseUri;
        this.callerToken = callerToken;
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public IntegrationStatus verify(String tenantId, String integrationId) {
        HttpResponse<String> response = send(tenantId, integrationId);
        int status = response.statusCode();
        if (status == 200) {
            return parse(response.body());
        }
        if (status == 409) {
            // DISABLED or REVOKED: nothing to verify until the tenant enables it (which verifies it anyway)
            return new IntegrationStatus("NOT_VERIFIABLE", detail(response.body()));
        }
        if (status == 404 || status == 400) {
            throw new UnknownIntegration("credential-service knows no integration " + integrationId + " of tenant "
                    + tenantId + " (HTTP " + status + ")");
        }
        throw new KsefFailure.Unavailable("credential-service answered HTTP " + status + " to a verification", status,
                null, null);
    }

    private HttpResponse<String> send(String tenantId, String integrationId) {
        URI uri = baseUri.resolve("/internal/v1/integrations/" + URLEncoder.encode(integrationId, StandardCharsets.UTF_8)
                + "/verify");
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Authorization", "Bearer " + callerToken)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("tenantId", tenantId))))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KsefFailure.Unavailable("credential-service unreachable: " + e.getClass().getSimpleName(), null,
                    null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KsefFailure.Unavailable("interrupted while verifying an integration", null, null, e);
        }
    }

    private String detail(String body) {
        try {
            return json.readTree(body).path("detail").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private IntegrationStatus parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            return new IntegrationStatus(node.path("status").asText("UNKNOWN"), node.path("reason").asText(null));
        } catch (IOException e) {
            throw new KsefFailure.Unavailable("credential-service sent an unreadable verification", 200, null, e);
        }
    }
}
