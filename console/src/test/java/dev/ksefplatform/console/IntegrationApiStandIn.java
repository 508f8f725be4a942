package dev.ksefplatform.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * command-api's integrations and tenant list as {@link CommandApiStandIn} answers them for the wizard's page test:
 * every tenant has {@link #NIP}; a registration is answered with {@link #INTEGRATION_ID} (or the refusal set for the
 * next one), a verification with ACTIVE, an act-for record with 201. Records each POST as {@code "<path> <body>"}.
 */
final class IntegrationApiStandIn {

    static final String NIP = "5265877635";
    static final String INTEGRATION_ID = "0b6f3a52-53d5-4c55-9f0a-5c7e7b1b2a11";

    private final List<String> posts = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> nextRefusal = new AtomicReference<>();

    IntegrationApiStandIn(CommandApiStandIn commandApi) {
        commandApi.serve("/api/v1/integrations", this::integrations);
        commandApi.serve("/admin/v1/tenants", this::tenants);
    }

    List<String> posts() {
        return posts;
    }

    /** The next POST is answered 400 with this problem+json. */
    void refuseNext(String problemJson) {
        nextRefusal.set(problemJson);
    }

    private void integrations(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("POST")) {
            posts.add(exchange.getRequestURI().getPath() + " " + body);
            String refusal = nextRefusal.getAndSet(null);
            if (refusal != null) {
                CommandApiStandIn.send(exchange, 400, "application/problem+json", refusal.getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        CommandApiStandIn.send(exchange, exchange.getRequestURI().getPath().equals("/api/v1/integrations") ? 201 : 200,
                "application/json", integration().getBytes(StandardCharsets.UTF_8));
    }

    private void tenants(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("POST")) {
            posts.add(exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            CommandApiStandIn.send(exchange, 201, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        String tenantId = query.matches(".*q=[0-9a-f-]+.*") ? query.replaceAll(".*q=([0-9a-f-]+).*", "$1") : INTEGRATION_ID;
        CommandApiStandIn.send(exchange, 200, "application/json", ("{\"items\":[{\"tenantId\":\"" + tenantId
                + "\",\"name\":\"Bogusz\",\"nip\":\"" + NIP + "\",\"status\":\"ACTIVE\"}]}").getBytes(StandardCharsets.UTF_8));
    }

    private static String integration() {
        return Map.of("integrationId", INTEGRATION_ID, "environment", "TEST", "taxpayerNip", NIP, "providerNip", NIP,
                "scopes", List.of("InvoiceWrite"), "credentialType", "CERTIFICATE", "usesProviderCredential", false,
                "status", "ACTIVE").entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + json(e.getValue()))
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static String json(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : value instanceof List<?> l
                ? "[\"" + String.join("\",\"", l.stream().map(String::valueOf).toList()) + "\"]" : String.valueOf(value);
    }
}
