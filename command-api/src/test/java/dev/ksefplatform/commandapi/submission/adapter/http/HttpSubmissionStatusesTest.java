package dev.ksefplatform.commandapi.submission.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ksefplatform.commandapi.submission.domain.SubmissionStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** Against a real HTTP server that sees each connection's client port. */
class HttpSubmissionStatusesTest {

    private static final String COMMAND = "8c1e0000-0000-4000-8000-000000000001";

    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final HttpServer server = server();
    private final HttpSubmissionStatuses statuses = HttpSubmissionStatuses.create(WebClient.builder(),
            "http://localhost:" + server.getAddress().getPort(), "secret-token", Duration.ofSeconds(3), Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** One after another, 20 calls reuse their connections (a call may start before the last one's is back). */
    @Test
    void keepsConnectionsAliveAcrossCalls() {
        for (int i = 0; i < 20; i++) {
            assertThat(statuses.find("tenant-1", COMMAND).block(Duration.ofSeconds(5))).isNotNull();
        }

        assertThat(clientPorts).hasSizeLessThanOrEqualTo(2);
        assertThat(authorizations).containsValue("Bearer secret-token");
    }

    @Test
    void passesTheWholeBodyThroughUnknownStatusesAndFieldsIncluded() {
        SubmissionStatus status = statuses.find("tenant-1", COMMAND).block(Duration.ofSeconds(5));

        assertThat(status.status()).isEqualTo("SENT");
        assertThat(status.body()).containsEntry("waiting", Map.of("reason", "RATE_LIMIT", "until", "2026-06-05T11:00:00Z"))
                .containsEntry("somethingNew", List.of(1, 2)).containsEntry("commandId", COMMAND);
    }

    @Test
    void findsNothingWhenTheReadModelDoesNotKnowTheCommand() {
        assertThat(statuses.find("tenant-1", "8c1e0000-0000-4000-8000-000000000404").block(Duration.ofSeconds(5))).isNull();
    }

    private HttpServer server() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            http.createContext("/internal/v1/tenants/", exchange -> {
                clientPorts.add(exchange.getRemoteAddress().getPort());
                authorizations.put(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"));
                boolean known = exchange.getRequestURI().getPath().endsWith(COMMAND);
                byte[] body = ("""
                        {"commandId":"%s","status":"SENT","waiting":{"reason":"RATE_LIMIT","until":"2026-06-05T11:00:00Z"},
                         "somethingNew":[1,2]}""".formatted(COMMAND)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
                if (known) {
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
