package dev.ksefplatform.commandapi.audit.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ksefplatform.commandapi.audit.application.AuditQueryTooBroad;
import dev.ksefplatform.commandapi.submission.adapter.http.SyncServiceClient;
import dev.ksefplatform.commandapi.web.InvalidQueryParameter;
import dev.ksefplatform.commandapi.web.ReadModelUnavailable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** Against a real HTTP server that answers with a chosen status and body and records the raw request. */
class HttpAuditTrailTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>("{\"items\":[],\"nextCursor\":null}");
    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicReference<String> rawUri = new AtomicReference<>();
    private final HttpServer server = server();
    private final HttpAuditTrail trail = trail("http://localhost:" + server.getAddress().getPort(), Duration.ofSeconds(15));

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theTenantIsAPathSegmentAndEveryValueIsEncodedWhole() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("operation", "a&tenantId=other");
        query.put("limit", "10");

        assertThat(trail.tenantPage("tenant/../x", query).block(WAIT)).containsEntry("items", List.of());

        assertThat(rawUri.get()).isEqualTo("/internal/v1/tenants/tenant%2F..%2Fx/audit?operation=a%26tenantId%3Dother&limit=10");
    }

    @Test
    void theOperatorsViewKeepsItsTenantFilter() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("tenantId", "t-1");
        query.put("statusClass", "5xx");

        trail.operatorsPage(query).block(WAIT);

        assertThat(rawUri.get()).isEqualTo("/internal/v1/audit?tenantId=t-1&statusClass=5xx");
    }

    @Test
    void aRefusedCursorIsTheCallersMistakeAndATimedOutQueryAsksForANarrowerOne() {
        status.set(400);
        assertThatThrownBy(() -> trail.tenantPage("t", Map.of("cursor", "abc")).block(WAIT))
                .isInstanceOf(InvalidQueryParameter.class).hasMessageStartingWith("cursor");

        status.set(503);
        body.set("{\"type\":\"https://ksef-platform.dev/problems/audit-query-timeout\",\"status\":503}");
        assertThatThrownBy(() -> trail.tenantPage("t", Map.of()).block(WAIT)).isInstanceOf(AuditQueryTooBroad.class);
    }

    @Test
    void aFailingSlowOrAbsentAuditProjectorIsUnavailable() throws IOException {
        status.set(503);
        body.set("{\"type\":\"https://ksef-platform.dev/problems/service-unavailable\"}");
        assertThatThrownBy(() -> trail.tenantPage("t", Map.of()).block(WAIT)).isInstanceOf(ReadModelUnavailable.class);
        status.set(500);
        assertThatThrownBy(() -> trail.operatorsPage(Map.of()).block(WAIT)).isInstanceOf(ReadModelUnavailable.class);
        status.set(400);
        assertThatThrownBy(() -> trail.tenantPage("t", Map.of()).block(WAIT)).isInstanceOf(ReadModelUnavailable.class);

        status.set(200);
        delayMillis.set(3_000);
        assertThatThrownBy(() -> trail("http://localhost:" + server.getAddress().getPort(), Duration.ofMillis(300))
                .tenantPage("t", Map.of()).block(WAIT)).isInstanceOf(ReadModelUnavailable.class);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> trail("http://localhost:" + closedPort, Duration.ofSeconds(15)).operatorsPage(Map.of())
                .block(WAIT)).isInstanceOf(ReadModelUnavailable.class);
    }

    private static HttpAuditTrail trail(String baseUrl, Duration timeout) {
        return new HttpAuditTrail(SyncServiceClient.create(WebClient.builder(), "audit-projector", baseUrl, "token",
                timeout, Duration.ofSeconds(30)), timeout);
    }

    private HttpServer server() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            http.createContext("/", exchange -> {
                rawUri.set(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
                sleep(delayMillis.get());
                byte[] answer = body.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status.get(), answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
