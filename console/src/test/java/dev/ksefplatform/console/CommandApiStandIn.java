package dev.ksefplatform.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server answering as command-api's inbox would, for what the platform cannot be made to answer: a
 * refusal of a query the console let through, or a stored document that is not FA(3). Records each query it got.
 * The whole platform's answers are the browser test's (system-tests ConsoleBrowserIT).
 */
final class CommandApiStandIn implements AutoCloseable {

    private final HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();

    CommandApiStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/inbox", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The queries of {@code GET /api/v1/inbox} so far, as sent. */
    List<String> queries() {
        return queries;
    }

    /** Answers {@code path} and below with {@code handler} as well (e.g. an {@link IntegrationApiStandIn}). */
    void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    void serve(String ksefNumber, byte[] xml) {
        documents.put(ksefNumber, xml);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/xml")) {
            byte[] xml = documents.get(path.split("/")[4]);
            send(exchange, xml == null ? 404 : 200, "application/xml", xml == null ? new byte[0] : xml);
            return;
        }
        String query = String.valueOf(exchange.getRequestURI().getRawQuery());
        queries.add(query);
        if (query.contains("cursor=refused")) {
            send(exchange, 400, "application/problem+json", ("{\"type\":\"https://ksef-platform.dev/problems/invalid-request\","
                    + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"cursor: is not a cursor from a previous page\","
                    + "\"parameter\":\"cursor\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(exchange, 200, "application/json", ("{\"items\":[{\"ksefNumber\":\"5265877635-20251031-0100A0B0C0D0-E1\","
                + "\"sellerNip\":\"5265877635\",\"sellerName\":\"Bogusz\",\"buyerNip\":\"3861610227\",\"invoiceNumber\":\"FA/1\","
                + "\"issueDate\":\"2025-10-31\",\"currency\":\"PLN\",\"gross\":\"33569.50\"}],\"nextCursor\":\"page2\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
