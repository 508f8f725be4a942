package dev.ksefplatform.systemtests;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tenant's webhook endpoint: a real HTTP server that checks each delivery's {@code Ksef-Signature}
 * ({@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>}) with its own HMAC, as a receiver must.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One delivery: its body and whether its signature verified with the secret the platform showed once. */
    record Delivery(String body, boolean signed) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile String secret;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("Ksef-Signature");
            deliveries.add(new Delivery(new String(body, StandardCharsets.UTF_8), verifies(signature, body)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The signing secret, from the registration's answer (the only time the platform shows it). */
    void secret(String secret) {
        this.secret = secret;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private boolean verifies(String header, byte[] body) {
        if (header == null || secret == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String t = header.substring(2, header.indexOf(','));
        byte[] presented = HexFormat.of().parseHex(header.substring(header.indexOf("v1=") + 3));
        return MessageDigest.isEqual(hmac(t, body), presented);
    }

    private byte[] hmac(String t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
