package dev.ksefplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.deploy.Apps;
import dev.ksefplatform.deploy.PlatformEndpoints;
import dev.ksefplatform.deploy.PlatformClient.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** command-api's public REST API as one tenant sees it: its API key, nothing else. */
final class TenantRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 as RunningSimulator and ksef-client use on plain http: no h2c upgrade attempts
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final PlatformEndpoints stack;
    private final Tenant tenant;

    TenantRest(PlatformEndpoints stack, Tenant tenant) {
        this.stack = stack;
        this.tenant = tenant;
    }

    Tenant tenant() {
        return tenant;
    }

    /** A JSON answer: its status, body and content type. */
    record Json(int status, JsonNode body, String contentType) {
    }

    JsonNode get(String path) {
        Json answer = json(request(path).GET());
        assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return answer.body();
    }

    Json getAnswer(String path) {
        return json(request(path).GET());
    }

    Json post(String path, String jsonBody) {
        return json(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    HttpResponse<byte[]> bytes(String path) {
        return send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private Json json(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        try {
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Json(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stack.url(Apps.COMMAND_API) + path)).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", tenant.apiKey());
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
