package dev.ksefplatform.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ksefplatform.simulator.support.ClientCrypto;
import dev.ksefplatform.simulator.support.Invoices;
import dev.ksefplatform.simulator.support.KsefTestClient;
import dev.ksefplatform.simulator.support.KsefTestClient.Reply;
import dev.ksefplatform.simulator.support.KsefTestClient.Session;
import dev.ksefplatform.simulator.support.KsefTestClient.Tokens;
import dev.ksefplatform.simulator.support.RunningSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Actuator, official rate limits and fault injection.
 * Runs against the shared in-process simulator; every /v2 response is checked against openapi.json.
 */
class OperationsIT {

    private static final List<String> WRITE_READ = List.of("InvoiceWrite", "InvoiceRead");
    private static final KsefTestClient KSEF = RunningSimulator.client();
    private static final KsefTestClient THROTTLED = RunningSimulator.throttled();

    @Test
    void exposesHealthAndPrometheusMetrics() {
        assertThat(KSEF.call(HttpMethod.GET, "/actuator/health", null, null).body()).contains("UP");
        assertThat(KSEF.call(HttpMethod.GET, "/actuator/prometheus", null, null).body()).contains("jvm_");
    }

    @Test
    void answers429WithRetryAfterOnceTheContextExceedsItsLimit() throws Exception {
        String nip = Invoices.randomNip();
        String token = THROTTLED.seedToken(nip, WRITE_READ);
        Tokens tokens = THROTTLED.login(token, nip);
        String path = "/v2/tokens/" + token.substring(0, token.indexOf('|'));

        List<Reply> replies = java.util.stream.IntStream.range(0, 31)
                .mapToObj(i -> THROTTLED.call(HttpMethod.GET, path, tokens.accessToken(), null)).toList();

        Reply limited = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(Long.parseLong(limited.headers().getFirst("Retry-After"))).isPositive();
        assertThat(limited.json().at("/status/code").asInt()).isEqualTo(429);
        assertThat(replies.stream().filter(r -> r.status() == 200).count()).isBetween(10L, 30L);
    }

    @Test
    void injectsServerErrorsAndHtmlPagesReproduciblyUntilCleared() {
        String path = "/v2/security/public-key-certificates";
        try {
            KSEF.faults(Map.of("errorRate", 1.0, "errorStatus", 502, "seed", 7));
            Reply error = KSEF.raw(HttpMethod.GET, path, null, null, Map.of());
            KSEF.faults(Map.of("htmlRate", 1.0, "seed", 7));
            Reply html = KSEF.raw(HttpMethod.GET, path, null, null, Map.of());

            assertThat(error.status()).isEqualTo(502);
            assertThat(html.status()).isEqualTo(503);
            assertThat(html.contentType()).startsWith("text/html");
        } finally {
            KSEF.clearFaults();
        }
        assertThat(KSEF.call(HttpMethod.GET, path, null, null).status()).isEqualTo(200);
    }

    @Test
    void throttlesAShareOfCallsWithKsefs429AndRetryAfterUntilCleared() {
        String path = "/v2/security/public-key-certificates";
        Reply throttled;
        try {
            KSEF.faults(Map.of("throttleRate", 1.0, "retryAfterSeconds", 7, "seed", 7));
            throttled = KSEF.raw(HttpMethod.GET, path, null, null, Map.of());
        } finally {
            KSEF.clearFaults();
        }

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.headers().getFirst("Retry-After")).isEqualTo("7");
        assertThat(throttled.json().at("/status/code").asInt()).isEqualTo(429);
        assertThat(KSEF.call(HttpMethod.GET, path, null, null).status()).isEqualTo(200);
    }

    @Test
    void expiresAccessTokensOnDemandWhileTheRefreshTokenStillWorks() throws Exception {
        String nip = Invoices.randomNip();
        Tokens tokens = KSEF.login(KSEF.seedToken(nip, WRITE_READ), nip);
        try {
            KSEF.faults(Map.of("expireTokens", true));

            Reply refused = KSEF.call(HttpMethod.POST, "/v2/sessions/online", tokens.accessToken(), Map.of());
            Reply refreshed = KSEF.call(HttpMethod.POST, "/v2/auth/token/refresh", tokens.refreshToken(), null);

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(KSEF.openSession(refreshed.json().at("/accessToken/token").asText()).referenceNumber()).hasSize(36);
        } finally {
            KSEF.clearFaults();
        }
    }

    @Test
    void refusesAWithdrawnPublicKeyIdWith21470AfterRotation() throws Exception {
        String nip = Invoices.randomNip();
        Tokens tokens = KSEF.login(KSEF.seedToken(nip, WRITE_READ), nip);
        JsonNode before = KSEF.call(HttpMethod.GET, "/v2/security/public-key-certificates", null, null).json();
        KSEF.faults(Map.of("rotatePublicKeys", true));
        KSEF.clearFaults();
        Map<String, Object> request = Map.of(
                "formCode", Map.of("systemCode", "FA (3)", "schemaVersion", "1-0E", "value", "FA"),
                "encryption", Map.of("encryptedSymmetricKey", ClientCrypto.b64(new byte[256]),
                        "initializationVector", ClientCrypto.b64(new byte[16]),
                        "publicKeyId", before.get(0).get("publicKeyId").asText()));

        Reply reply = KSEF.call(HttpMethod.POST, "/v2/sessions/online", tokens.accessToken(), request);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/exception/exceptionDetailList/0/exceptionCode").asInt()).isEqualTo(21470);
    }

    @Test
    void keepsInvoicesAt150WhileProcessingIsStuckAndFinishesThemOnceLifted() throws Exception {
        String nip = Invoices.randomNip();
        Tokens tokens = KSEF.login(KSEF.seedToken(nip, WRITE_READ), nip);
        Session session = KSEF.openSession(tokens.accessToken());
        JsonNode stuck;
        String path;
        try {
            KSEF.faults(Map.of("stuckAt150", true));
            Reply sent = KSEF.send(tokens.accessToken(), session, KSEF.sendRequest(session, Invoices.fa3(nip, "ST-1")), Map.of());
            path = "/v2/sessions/" + session.referenceNumber() + "/invoices/" + sent.json().get("referenceNumber").asText();
            java.time.Instant watchedUntil = java.time.Instant.now().plusMillis(800);
            stuck = KsefTestClient.await(() -> KSEF.call(HttpMethod.GET, path, tokens.accessToken(), null).json(),
                    s -> s.at("/status/code").asInt() >= 200 || java.time.Instant.now().isAfter(watchedUntil));
        } finally {
            KSEF.clearFaults();
        }
        JsonNode finished = KsefTestClient.await(() -> KSEF.call(HttpMethod.GET, path, tokens.accessToken(), null).json(),
                s -> s.at("/status/code").asInt() >= 200);

        assertThat(stuck.at("/status/code").asInt()).isEqualTo(150);
        assertThat(finished.at("/status/code").asInt()).isEqualTo(200);
    }
}
