package dev.ksefplatform.worker.submission.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ksefplatform.worker.submission.application.CredentialLeaseDenied;
import dev.ksefplatform.worker.submission.application.Lease;
import dev.ksefplatform.worker.submission.application.TenantCredentials.LeaseRequest;
import dev.ksefplatform.worker.submission.application.TransientFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Over a real local HTTP server standing in for credential-service. */
class HttpTenantCredentialsTest {

    private static final String ACCESS_TOKEN = "eyJhbGciOiJIUzI1NiJ9.secret.token";
    private static final LeaseRequest REQUEST = new LeaseRequest("tenant-1", "TEST", "5265877635", "InvoiceWrite");

    private final AtomicReference<Response> next = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();
    private HttpServer server;
    private HttpTenantCredentials credentials;

    record Response(int status, String contentType, String body, String retryAfter) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/v1/leases", exchange -> {
            try (exchange) {
                authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Response response = next.get();
                byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", response.contentType());
                if (response.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", response.retryAfter());
                }
                exchange.sendResponseHeaders(response.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
        credentials = new HttpTenantCredentials(HttpClient.newHttpClient(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "caller-token",
                Duration.ofSeconds(5), new ObjectMapper());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void grantedLeaseCarriesTheAccessTokenAndExpiry() {
        next.set(new Response(200, "application/json", "{\"leaseId\":\"l-1\",\"accessToken\":\"" + ACCESS_TOKEN
                + "\",\"validUntil\":\"2026-11-22T12:15:00Z\",\"extra\":1}", null));

        Lease lease = credentials.lease(REQUEST);

        assertThat(lease.leaseId()).isEqualTo("l-1");
        assertThat(lease.accessToken().value()).isEqualTo(ACCESS_TOKEN);
        assertThat(lease.validUntil()).isEqualTo(Instant.parse("2026-11-22T12:15:00Z"));
        assertThat(authorization.get()).isEqualTo("Bearer caller-token");
        assertThat(body.get()).contains("\"contextNip\":\"5265877635\"", "\"purpose\":\"InvoiceWrite\"",
                "\"tenantId\":\"tenant-1\"", "\"environment\":\"TEST\"");
    }

    @Test
    void forbiddenIsAFinalDenialNamingTheProblemType() {
        next.set(new Response(403, "application/problem+json", "{\"type\":\"https://ksef-platform.dev/problems/"
                + "integration-not-active\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"status ERROR\"}", null));

        assertThatThrownBy(() -> credentials.lease(REQUEST)).isInstanceOf(CredentialLeaseDenied.class)
                .hasMessage("integration-not-active: status ERROR");
    }

    @Test
    void unavailableIsTransientAndHonoursRetryAfter() {
        next.set(new Response(503, "application/problem+json", "{\"type\":\"https://ksef-platform.dev/problems/"
                + "ksef-unavailable\",\"status\":503}", "7"));

        assertThatThrownBy(() -> credentials.lease(REQUEST)).isInstanceOfSatisfying(TransientFailure.class,
                e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7)));
    }

    @Test
    void unreadableLeaseNeverEchoesTheBodyHoldingTheToken() {
        next.set(new Response(200, "application/json", "{\"accessToken\":\"" + ACCESS_TOKEN
                + "\",\"validUntil\":\"not-a-time\"}", null));

        assertThatThrownBy(() -> credentials.lease(REQUEST)).isInstanceOfSatisfying(TransientFailure.class,
                e -> assertThat(stackOf(e)).doesNotContain(ACCESS_TOKEN));
    }

    @Test
    void unreachableServiceIsTransient() {
        server.stop(0);

        assertThatThrownBy(() -> credentials.lease(REQUEST)).isInstanceOf(TransientFailure.class);
    }

    private static String stackOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
