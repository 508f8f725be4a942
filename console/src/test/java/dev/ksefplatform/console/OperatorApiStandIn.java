package dev.ksefplatform.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server answering as command-api's operator endpoints would, for the answers the platform cannot be made
 * to give on demand (a refused quick action, a rotation still running). Records each request: method, path and query,
 * and the operator it named. The whole platform's answers are the browser test's (system-tests ConsoleBrowserIT).
 */
final class OperatorApiStandIn implements AutoCloseable {

    static final String TENANT = "0b0e7a0e-2a63-4b55-9b7f-1f1d2a3c4d5e";
    static final String ACCOUNT = "6f3c2b1a-0d9e-4c8b-a7f6-e5d4c3b2a190";
    static final String REFUSING = "7a4d3c2b-1e0f-4d9c-b8a7-f6e5d4c3b2a1";
    static final String ROTATION = "8b5e4d3c-2f1a-4e0d-c9b8-a7f6e5d4c3b2";

    record Request(String method, String uri, String operatorId) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String rotationStatus = "RUNNING";

    OperatorApiStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/admin/v1/integrations", this::integrations);
        server.createContext("/admin/v1/vault/rotations", this::rotations);
        server.createContext("/api/v1/integrations", exchange -> send(exchange, 200, "application/json", "{\"items\":[]}"));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return requests;
    }

    void finishRotation() {
        rotationStatus = "COMPLETED";
    }

    private void integrations(HttpExchange exchange) throws IOException {
        record(exchange);
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/admin/v1/integrations/" + REFUSING)) {
            send(exchange, 409, "application/problem+json", "{\"type\":\"https://ksef-platform.dev/problems/"
                    + "illegal-status-transition\",\"title\":\"Illegal status transition\",\"status\":409,"
                    + "\"detail\":\"integration cannot move from DISABLED to ACTIVE\"}");
            return;
        }
        String listed = String.valueOf(exchange.getRequestURI().getQuery()).contains("status=DISABLED") ? "DISABLED" : "ACTIVE";
        send(exchange, 200, "application/json", path.endsWith("/disable") ? account("DISABLED")
                : "{\"items\":[" + account(listed) + "],\"page\":0,\"size\":25}");
    }

    private void rotations(HttpExchange exchange) throws IOException {
        record(exchange);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (body.contains("\"targetVersion\":2")) {
            send(exchange, 400, "application/problem+json", "{\"type\":\"https://ksef-platform.dev/problems/"
                    + "unknown-key-version\",\"title\":\"Unknown master key version\",\"status\":400,\"detail\":"
                    + "\"master key version 2 is not configured; add credentials.vault.master-keys.2 first\"}");
            return;
        }
        send(exchange, "POST".equals(exchange.getRequestMethod()) ? 202 : 200, "application/json",
                "{\"rotationId\":\"" + ROTATION + "\",\"targetVersion\":1,\"status\":\"" + rotationStatus
                        + "\",\"total\":4,\"rewrapped\":" + ("RUNNING".equals(rotationStatus) ? 1 : 4)
                        + ",\"failed\":0,\"startedAt\":\"2026-12-03T10:00:00Z\"}");
    }

    private static String account(String status) {
        return "{\"integrationId\":\"" + ACCOUNT + "\",\"tenantId\":\"" + TENANT + "\",\"tenantName\":\"Biuro Rachunkowe "
                + "Kowalski\",\"tenantNip\":\"5265877635\",\"environment\":\"TEST\",\"taxpayerNip\":\"5265877635\","
                + "\"kind\":\"KSEF_TOKEN\",\"credentialType\":\"KSEF_TOKEN\",\"status\":\"" + status + "\","
                + "\"updatedAt\":\"2026-12-03T10:00:00Z\"}";
    }

    private void record(HttpExchange exchange) {
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("X-Operator-Id")));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
