package dev.ksefplatform.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server answering as command-api's dashboard sources would, for what the platform cannot be made to
 * answer on demand: a budget KSeF's 429 holds, no budget seen yet, or a refusal. Arrivals: one invoice on every day
 * of the period asked for, four on its last day. Every other path is 404 (those parts show as unavailable).
 */
final class DashboardStandIn implements AutoCloseable {

    static final String HELD = "{\"environment\":\"TEST\",\"nip\":\"5265877635\",\"takenAt\":\"2026-12-03T13:01:00Z\","
            + "\"rested\":false,\"waitingUntil\":\"2026-12-03T13:05:00Z\",\"groups\":["
            + "{\"group\":\"onlineSession\",\"perSecond\":10,\"perMinute\":30,\"perHour\":120,\"leftSecond\":10,"
            + "\"leftMinute\":29,\"leftHour\":119,\"availableAt\":null,\"blockedUntil\":null},"
            + "{\"group\":\"invoiceStatus\",\"perSecond\":30,\"perMinute\":120,\"perHour\":1200,\"leftSecond\":30,"
            + "\"leftMinute\":120,\"leftHour\":1190,\"availableAt\":null,\"blockedUntil\":null},"
            + "{\"group\":\"invoiceSend\",\"perSecond\":7,\"perMinute\":22,\"perHour\":1350,\"leftSecond\":0,"
            + "\"leftMinute\":0,\"leftHour\":1170,\"availableAt\":\"2026-12-03T13:05:00Z\","
            + "\"blockedUntil\":\"2026-12-03T13:05:00Z\"}]}";
    private static final Pattern PERIOD = Pattern.compile("from=([0-9-]{10})&to=([0-9-]{10})");

    private final HttpServer server;
    private volatile int budgetStatus = 200;
    private volatile boolean arrivalsRefused;

    DashboardStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** 200: {@link #HELD}; 404: no budget seen yet; anything else: a refusal. */
    void budgetStatus(int status) {
        budgetStatus = status;
    }

    void refuseArrivals(boolean refuse) {
        arrivalsRefused = refuse;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/v1/ksef-budget")) {
            budget(exchange);
        } else if (path.equals("/api/v1/inbox/summary") && !arrivalsRefused) {
            send(exchange, 200, "application/json", arrivals(String.valueOf(exchange.getRequestURI().getRawQuery())));
        } else {
            send(exchange, 404, "application/problem+json", "{\"type\":\"about:blank\",\"status\":404}");
        }
    }

    private void budget(HttpExchange exchange) throws IOException {
        switch (budgetStatus) {
            case 200 -> send(exchange, 200, "application/json", HELD);
            case 404 -> send(exchange, 404, "application/problem+json",
                    "{\"type\":\"https://ksef-platform.dev/problems/ksef-budget-not-seen\",\"status\":404}");
            default -> send(exchange, budgetStatus, "application/problem+json",
                    "{\"type\":\"https://ksef-platform.dev/problems/read-model-unavailable\",\"status\":" + budgetStatus + "}");
        }
    }

    private static String arrivals(String query) {
        Matcher period = PERIOD.matcher(query);
        if (!period.find()) {
            throw new IllegalStateException("the console asked for arrivals without a period: " + query);
        }
        LocalDate from = LocalDate.parse(period.group(1));
        LocalDate to = LocalDate.parse(period.group(2));
        List<String> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add("{\"day\":\"" + day + "\",\"count\":" + (day.equals(to) ? 4 : 1) + "}");
        }
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"total\":" + (days.size() + 3) + ",\"days\":["
                + String.join(",", days) + "]}";
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
