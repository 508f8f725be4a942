package dev.ksefplatform.worker.verify.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.worker.engine.adapter.http.CredentialServiceClient;
import dev.ksefplatform.worker.engine.application.KsefFailure;
import dev.ksefplatform.worker.verify.application.IntegrationChecks;
import dev.ksefplatform.worker.verify.domain.IntegrationStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
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

    private final CredentialServiceClient vault;

    public HttpIntegrationChecks(HttpClient http, URI baseUri, String callerToken, Duration timeout, ObjectMapper json) {
        this.vault = new CredentialServiceClient(http, baseUri, callerToken, timeout, json);
    }

    @Override
    public IntegrationStatus verify(String tenantId, String integrationId) {
        HttpResponse<String> response = vault.post("/internal/v1/integrations/"
                        + URLEncoder.encode(integrationId, StandardCharsets.UTF_8) + "/verify",
                Map.of("tenantId", tenantId), "verifying an integration");
        int status = response.statusCode();
        if (status == 200) {
            return parse(response.body());
        }
        if (status == 409) {
            // DISABLED or REVOKED: nothing to verify until the tenant enables it (which verifies it anyway)
            return new IntegrationStatus("NOT_VERIFIABLE", vault.detail(response.body()));
        }
        if (status == 404 || status == 400) {
            throw new UnknownIntegration("credential-service knows no integration " + integrationId + " of tenant "
                    + tenantId + " (HTTP " + status + ")");
        }
        throw new KsefFailure.Unavailable("credential-service answered HTTP " + status + " to a verification", status,
                null, null);
    }

    private IntegrationStatus parse(String body) {
        try {
            JsonNode node = vault.read(body);
            return new IntegrationStatus(node.path("status").asText("UNKNOWN"), node.path("reason").asText(null));
        } catch (IOException e) {
            throw new KsefFailure.Unavailable("credential-service sent an unreadable verification", 200, null, e);
        }
    }
}
