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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Leases over credential-service's internal API ({@code POST /internal/v1/leases}, caller {@code tenant-worker}). The
 * JDK client keeps its connections alive. A 403 is a refusal (a {@code tenant-violation} most of all); anything else
 * that is not a lease is "unavailable, try later". The body of a lease is never echoed: it holds the token.
 */
public class HttpTenantCredentials implements TenantCredentials {

    private static final String PROBLEM_PREFIX = "https://ksef-platform.dev/problems/";
    private static final String VIOLATION = "tenant-violation";

    private final HttpClient http;
    private final URI leasesUri;
    private final String callerToken;
    private final Duration timeout;
    private final ObjectMapper json;

    public HttpTenantCredentials(HttpClient http, URI baseUri, String callerToken, Duration timeout,
                                 ObjectMapper json) {
        this.http = http;
        this.leasesUri = baseUri.resolve("/internal/v1/leases");
        this.callerToken = callerToken;
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public Lease lease(LaneKey lane, String purpose) {
        HttpResponse<String> response = send(lane, purpose);
        int status = response.statusCode();
        if (status == 200) {
            return parseLease(response.body());
        }
        if (status == 403) {
            String slug = problemType(response.body());
            throw new LeaseDenied(problemReason(response.body(), slug), VIOLATION.equals(slug));
        }
        throw new KsefFailure.Unavailable("credential-service answered HTTP " + status, status,
                retryAfter(response), null);
    }

    private HttpResponse<String> send(LaneKey lane, String purpose) {
        try {
            return http.send(HttpRequest.newBuilder(leasesUri)
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + callerToken)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(lane, purpose)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KsefFailure.Unavailable("credential-service unreachable: " + e.getClass().getSimpleName() + " "
                    + e.getMessage(), null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KsefFailure.Unavailable("interrupted while leasing a credential", null, null, e);
        }
    }

    private String body(LaneKey lane, String purpose) throws IOException {
        return json.writeValueAsString(Map.of("tenantId", lane.tenantId(), "environment", lane.environment(),
                "contextNip", lane.contextNip(), "purpose", purpose));
    }

    private Lease parseLease(String body) {
        try {
            JsonNode node = json.readTree(body);
            return new Lease(node.path("leaseId").asText(null), new AccessToken(node.path("accessToken").asText()),
                    node.hasNonNull("validUntil") ? Instant.parse(node.get("validUntil").asText()) : null,
                    node.path("integrationId").asText(null), node.path("providerNip").asText(null));
        } catch (IOException | RuntimeException e) {
            // Never echo the body: it holds the access token.
            throw new KsefFailure.Unavailable("credential-service sent an unreadable lease", 200, null, null);
        }
    }

    private String problemType(String body) {
        try {
            String type = json.readTree(body).path("type").asText("");
            return type.startsWith(PROBLEM_PREFIX) ? type.substring(PROBLEM_PREFIX.length()) : type;
        } catch (IOException e) {
            return "forbidden";
        }
    }

    private String problemReason(String body, String slug) {
        try {
            String detail = json.readTree(body).path("detail").asText("");
            return detail.isEmpty() ? slug : slug + ": " + detail;
        } catch (IOException e) {
            return slug;
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(v -> !v.isEmpty() && v.chars().allMatch(Character::isDigit))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(null);
    }
}
