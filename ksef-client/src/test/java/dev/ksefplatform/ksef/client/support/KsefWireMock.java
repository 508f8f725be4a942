package dev.ksefplatform.ksef.client.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ksefplatform.ksef.client.KsefClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for tests against a real HTTP server standing in for KSeF (one per JVM). After each test, every request the
 * client sent is validated against the official OpenAPI spec; a mismatch fails the test.
 */
public abstract class KsefWireMock {

    protected static final WireMockServer KSEF = start();

    protected static final Instant NOW = Instant.now();

    private static WireMockServer start() {
        // errors only: WireMock's own failures (a 500 page) must reach the test log, which has no SLF4J provider
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(8)
                .notifier(new ConsoleNotifier(false))
                .extensions(new ExportStub()));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    @BeforeEach
    void resetKsef() {
        KSEF.resetAll();
        ExportStub.reset();
    }

    @AfterEach
    void everyRequestMatchesTheOfficialSpec() {
        List<String> violations = KSEF.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .flatMap(r -> OpenApiContract.violations(r).stream())
                .toList();
        assertThat(violations).as("requests that break openapi.json").isEmpty();
    }

    protected static KsefClient.Builder clientBuilder() {
        return KsefClient.builder()
                .baseUri(URI.create(KSEF.baseUrl() + "/v2"))
                .requestTimeout(Duration.ofSeconds(5))
                .backoff(Duration.ofMillis(5), Duration.ofMillis(20))
                .maxRetries(2);
    }

    protected static KsefClient client() {
        return clientBuilder().build();
    }

    protected static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    protected static ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(body);
    }

    protected static void publishMfKeys() {
        KSEF.stubFor(get(urlEqualTo("/v2/security/public-key-certificates")).willReturn(json(200,
                MfTestKeys.certificates()
                        .with(MfTestKeys.TOKEN_KEY, "KsefTokenEncryption", NOW.minusSeconds(3600), NOW.plusSeconds(86400))
                        .with(MfTestKeys.SYMMETRIC_KEY, "SymmetricKeyEncryption", NOW.minusSeconds(3600),
                                NOW.plusSeconds(86400))
                        .json())));
    }
}
