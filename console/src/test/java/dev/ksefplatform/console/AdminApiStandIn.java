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
 * A real HTTP server answering as command-api's admin API for the health page: no consumer groups or audit rows, two
 * dead letters (one re-drivable, one poison), and re-drives: the first of {@link #GOOD} done, then repeated; any
 * other refused as not re-drivable. Records each re-drive body it got. The platform's own answers are the browser
 * test's (system-tests ConsoleBrowserIT).
 */
final class AdminApiStandIn implements AutoCloseable {

    static final String GOOD = "ksef.commands.v1-dlt-3@17";
    static final String POISON = "ksef.commands.v1-dlt-5@2";
    static final String BACKLOG = "tenant-with-a-backlog";

    private final HttpServer server;
    private final List<String> redrives = new CopyOnWriteArrayList<>();

    AdminApiStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/admin/v1/platform/consumers", e -> send(e, 200, "{\"items\":[]}"));
        server.createContext("/admin/v1/audit", e -> send(e, 200, "{\"items\":[],\"nextCursor\":null}"));
        server.createContext("/admin/v1/platform/backlog", e -> send(e, 200, "{\"items\":[{\"tenantId\":\"" + BACKLOG
                + "\",\"environment\":\"TEST\",\"contextNip\":\"5265877635\",\"queued\":1234,\"inKsef\":56,"
                + "\"oldestQueuedAt\":\"2026-12-03T10:15:00Z\"}]}"));
        server.createContext("/admin/v1/dead-letters", this::deadLetters);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Path and body of every re-drive asked, in order. */
    List<String> redrives() {
        return redrives;
    }

    private void deadLetters(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod())) {
            send(exchange, 200, "{\"items\":[" + item(GOOD, "c-1", true, null) + ","
                    + item(POISON, null, false, "\"its value cannot be decoded as a command (a poison record)\"") + "]}");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean before = redrives.stream().anyMatch(r -> r.startsWith(path));
        redrives.add(path + " " + body);
        if (!path.equals("/admin/v1/dead-letters/" + GOOD + "/redrive")) {
            send(exchange, 409, "{\"type\":\"https://ksef-platform.dev/problems/dead-letter-not-redrivable\","
                    + "\"title\":\"Dead letter cannot be re-driven\",\"status\":409,\"detail\":\"poison\"}");
            return;
        }
        send(exchange, 200, "{\"deadLetter\":\"" + GOOD + "\",\"commandId\":\"c-1\",\"status\":\"PUBLISHED\","
                + "\"repeated\":" + before + "}");
    }

    private static String item(String deadLetter, String commandId, boolean redrivable, String why) {
        return "{\"deadLetter\":\"" + deadLetter + "\",\"tenantId\":\"tenant-h\",\"commandId\":"
                + (commandId == null ? "null" : "\"" + commandId + "\"") + ",\"reason\":\"tenant-violation: no integration\","
                + "\"originalTopic\":\"ksef.commands.v1\",\"deadLetteredAt\":\"2026-12-03T10:00:00Z\",\"redrivable\":"
                + redrivable + ",\"notRedrivable\":" + why + ",\"redrive\":null}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
