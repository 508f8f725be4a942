package dev.ksefplatform.worker.engine.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.worker.engine.application.CallScope;
import dev.ksefplatform.worker.engine.application.KsefFailure;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * What the worker's clients of credential-service's internal API share: a JSON {@code POST} with the caller's bearer
 * token and the cause of the call (CONTRACTS §credential-service: {@code X-Correlation-Id} and {@code X-Causation-Id}
 * of the command the calls on this thread are for), transport failures as "unavailable, try later", and reading the
 * answers' JSON and problem+json. Bodies are never echoed: a lease holds a token.
 */
public final class CredentialServiceClient {

    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String CAUSATION_ID = "X-Causation-Id";
    private static final String PROBLEM_PREFIX = "https://ksef-platform.dev/problems/";
    /** A lane's own scope ({@code Lane.laneRef}) names no command, so it is not sent as one. */
    private static final String LANE_SCOPE = "lane:";

    private final HttpClient http;
    private final URI baseUri;
    private final String callerToken;
    private final Duration timeout;
    private final ObjectMapper json;

    public CredentialServiceClient(HttpClient http, URI baseUri, String callerToken, Duration timeout,
                                   ObjectMapper json) {
        this.http = http;
        this.baseUri = baseUri;
        this.callerToken = callerToken;
        this.timeout = timeout;
        this.json = json;
    }

    /** Posts {@code body} as JSON to {@code path}; {@code doing} completes "interrupted while …". */
    public HttpResponse<String> post(String path, Object body, String doing) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(timeout)
                    .header("Authorization", "Bearer " + callerToken)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            currentCommand().ifPresent(command -> request.header(CORRELATION_ID, command.correlationId())
                    .header(CAUSATION_ID, command.commandId()));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KsefFailure.Unavailable("credential-service unreachable: " + e.getClass().getSimpleName() + " "
                    + e.getMessage(), null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KsefFailure.Unavailable("interrupted while " + doing, null, null, e);
        }
    }

    private static Optional<CommandRef> currentCommand() {
        return CallScope.current().map(CallScope.Current::cause)
                .filter(cause -> !cause.commandId().startsWith(LANE_SCOPE));
    }

    /** The answer's JSON; an unreadable one is {@link IOException}. */
    public JsonNode read(String body) throws IOException {
        return json.readTree(body);
    }

    /** The problem type's slug ({@code tenant-violation}), or {@code fallback} when the body is not JSON. */
    public String problemType(String body, String fallback) {
        try {
            String type = json.readTree(body).path("type").asText("");
            return type.startsWith(PROBLEM_PREFIX) ? type.substring(PROBLEM_PREFIX.length()) : type;
        } catch (IOException e) {
            return fallback;
        }
    }

    /** The problem's detail; null when it has none or the body is not JSON. */
    public String detail(String body) {
        try {
            return json.readTree(body).path("detail").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** A {@code Retry-After} in seconds, if the answer has one. */
    public static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(v -> !v.isEmpty() && v.chars().allMatch(Character::isDigit))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(null);
    }
}
