package dev.ksefplatform.worker.submission.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.worker.submission.application.AccessToken;
import dev.ksefplatform.worker.submission.application.CredentialLeaseDenied;
import dev.ksefplatform.worker.submission.application.Lease;
import dev.ksefplatform.worker.submission.application.TenantCredentials;
import dev.ksefplatform.worker.submission.application.TransientFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** {@link TenantCredentials} over credential-service's {@code POST /internal/v1/leases}; blocking by design. */
public class HttpTenantCredentials implements TenantCredentials {

    private static final String PROBLEM_PREFIX = "https://ksef-platform.dev/problems/";

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
    public Lease lease(LeaseRequest request) {
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status == 200) {
            return parseLease(response.body());
        }
        if (status == 403) {
            throw new CredentialLeaseDenied(problemReason(response.body()));
        }
        throw new TransientFailure("credential-service answered HTTP " + status, retryAfter(response), status, null);
    }

    private HttpResponse<String> send(LeaseRequest request) {
        try {
            return http.send(HttpRequest.newBuilder(leasesUri)
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + callerToken)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(request)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientFailure("credential-service unreachable: " + e.getClass().getSimpleName(), null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while leasing a credential", null, null, e);
        }
    }

    private String body(LeaseRequest request) throws IOException {
        return json.writeValueAsString(Map.of("tenantId", request.tenantId(), "environment", request.environment(),
                "contextNip", request.contextNip(), "purpose", request.purpose()));
    }

    private Lease parseLease(String body) {
        try {
            JsonNode node = json.readTree(body);
            return new Lease(node.path("leaseId").asText(null), new AccessToken(node.path("accessToken").asText()),
                    node.hasNonNull("validUntil") ? Instant.parse(node.get("validUntil").asText()) : null);
        } catch (IOException | RuntimeException e) {
            // Never echo the body: it holds the access token.
            throw new TransientFailure("credential-service sent an unreadable lease", null, 200, null);
        }
    }

    private String problemReason(String body) {
        try {
            JsonNode problem = json.readTree(body);
            String type = problem.path("type").asText("");
            String slug = type.startsWith(PROBLEM_PREFIX) ? type.substring(PROBLEM_PREFIX.length()) : type;
            String detail = problem.path("detail").asText("");
            return detail.isEmpty() ? slug : slug + ": " + detail;
        } catch (IOException e) {
            return "forbidden";
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(v -> v.chars().allMatch(Character::isDigit))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(null);
    }
}
