package dev.ksefplatform.worker.engine.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.worker.engine.application.AccessToken;
import dev.ksefplatform.worker.engine.application.KsefFailure;
import dev.ksefplatform.worker.engine.application.Lease;
import dev.ksefplatform.worker.engine.application.TenantCredentials;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Leases over credential-service's internal API ({@code POST /internal/v1/leases}, caller {@code tenant-worker}), sent
 * with the cause of the calls on this thread (the command they are for). The JDK client keeps its connections alive.
 * A 403 is a refusal (a {@code tenant-violation} most of all); anything else that is not a lease is "unavailable, try
 * later". The body of a lease is never echoed: it holds the token.
 */
public class HttpTenantCredentials implements TenantCredentials {

    private static final String VIOLATION = "tenant-violation";

    private final CredentialServiceClient vault;

    public HttpTenantCredentials(HttpClient http, URI baseUri, String callerToken, Duration timeout,
                                 ObjectMapper json) {
        this.vault = new CredentialServiceClient(http, baseUri, callerToken, timeout, json);
    }

    @Override
    public Lease lease(LaneKey lane, String purpose) {
        HttpResponse<String> response = vault.post("/internal/v1/leases", Map.of("tenantId", lane.tenantId(),
                "environment", lane.environment(), "contextNip", lane.contextNip(), "purpose", purpose),
                "leasing a credential");
        int status = response.statusCode();
        if (status == 200) {
            return parseLease(response.body());
        }
        if (status == 403) {
            String slug = vault.problemType(response.body(), "forbidden");
            throw new LeaseDenied(problemReason(response.body(), slug), VIOLATION.equals(slug));
        }
        throw new KsefFailure.Unavailable("credential-service answered HTTP " + status, status,
                CredentialServiceClient.retryAfter(response), null);
    }

    private Lease parseLease(String body) {
        try {
            JsonNode node = vault.read(body);
            return new Lease(node.path("leaseId").asText(null), new AccessToken(node.path("accessToken").asText()),
                    node.hasNonNull("validUntil") ? Instant.parse(node.get("validUntil").asText()) : null,
                    node.path("integrationId").asText(null), node.path("providerNip").asText(null));
        } catch (IOException | RuntimeException e) {
            // Never echo the body: it holds the access token.
            throw new KsefFailure.Unavailable("credential-service sent an unreadable lease", 200, null, null);
        }
    }

    private String problemReason(String body, String slug) {
        String detail = vault.detail(body);
        return detail == null || detail.isEmpty() ? slug : slug + ": " + detail;
    }
}
