package dev.ksefplatform.sync.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tenant's endpoint: a real HTTP server (the JDK's) that checks each delivery's signature the way a receiver would —
 * its own HMAC-SHA256 over "{t}.{body}", compared in constant time, the timestamp within five minutes — and answers
 * 401 to a bad one, 500 to the first {@code failFirst} good ones, 204 after.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String body, String notificationId, boolean signatureValid, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst;
    private volatile String secret;

    WebhookReceiver(int failFirst) throws IOException {
        this.failFirst = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        boolean valid = valid(exchange.getRequestHeaders().getFirst("Ksef-Signature"), body);
        int status = !valid ? 401 : failFirst.getAndDecrement() > 0 ? 500 : 204;
        received.add(new Received(new String(body, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Ksef-Notification-Id"), valid, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private boolean valid(String header, byte[] body) {
        if (header == null || secret == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        byte[] given = HexFormat.of().parseHex(header.substring(header.indexOf("v1=") + 3));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(mac.doFinal(body), given)
                    && Math.abs(Instant.now().getEpochSecond() - t) <= 300;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
