package dev.ksefplatform.commandapi.inbox.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** Against a real HTTP server that answers with a chosen status and records the raw request line. */
class HttpTenantInboxTest {

    // the statuses' mapping is tested, not speed: a first request of a fresh client on a loaded 2-core build machine
    // once took over 3 s, so the client waits 15 s here
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>("{\"items\":[],\"nextCursor\":null}");
    private final AtomicReference<String> rawUri = new AtomicReference<>();
    private final HttpServer server = server();
    private final HttpTenantInbox inbox = inbox("http://localhost:" + server.getAddress().getPort());

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void encodesEveryValueWholeSoNoneAddsAParameterOrLeavesTheTenantsPath() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("q", "FV/1&tenantId=b+c%20 ł");
        query.put("limit", "10");

        assertThat(inbox.page("tenant/../other", query).block(WAIT)).containsEntry("items", List.of());

        assertThat(rawUri.get()).isEqualTo("/internal/v1/tenants/tenant%2F..%2Fother/inbox"
                + "?q=FV%2F1%26tenantId%3Db%2Bc%2520%20%C5%82&limit=10");
    }

    @Test
    void anUnknownInvoiceIsEmptyAndABadCursorIsTheTenantsMistake() {
        status.set(404);
        assertThat(inbox.invoice("t", "k").blockOptional(WAIT)).isEmpty();
        assertThat(inbox.document("t", "k").blockOptional(WAIT)).isEmpty();

        status.set(400);
        assertThatThrownBy(() -> inbox.page("t", Map.of("cursor", "abc")).block(WAIT))
                .isInstanceOf(InvalidQueryParameter.class).hasMessageStartingWith("cursor");
    }

    @Test
    void aFailingSlowOrAbsentReadModelIsUnavailable() throws IOException {
        status.set(500);
        assertThatThrownBy(() -> inbox.syncStates("t").block(WAIT)).isInstanceOf(ReadModelUnavailable.class);
        status.set(400);
        assertThatThrownBy(() -> inbox.page("t", Map.of()).block(WAIT)).isInstanceOf(ReadModelUnavailable.class);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> inbox("http://localhost:" + closedPort).syncStates("t").block(WAIT))
                .isInstanceOf(ReadModelUnavailable.class);
    }

    private static HttpTenantInbox inbox(String baseUrl) {
        return new HttpTenantInbox(SyncServiceClient.create(WebClient.builder(), baseUrl, "token", Duration.ofSeconds(15),
                Duration.ofSeconds(30)), Duration.ofSeconds(15));
    }

    private HttpServer server() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            http.createContext("/", exchange -> {
                rawUri.set(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
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
}
