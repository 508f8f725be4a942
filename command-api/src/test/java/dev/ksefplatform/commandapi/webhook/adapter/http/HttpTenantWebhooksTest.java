package dev.ksefplatform.commandapi.webhook.adapter.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ksefplatform.commandapi.submission.adapter.http.SyncServiceClient;
import dev.ksefplatform.commandapi.web.ReadModelUnavailable;
import dev.ksefplatform.commandapi.webhook.application.InvalidWebhook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A registration whose answer is lost is asked again with the same webhook id (sync-service answers such a repeat
 * with the webhook it stored, secret included: {@code WebhookDeliveryIT}); a refusal is not repeated. Against a real
 * HTTP server that answers late, the way sync-service did under the suite's load.
 */
class HttpTenantWebhooksTest {

    private static final String PATH = "/internal/v1/tenants/tenant-a/webhooks";
    private static final String CREATED = "{\"webhookId\":\"w\",\"url\":\"https://hooks.example/x\",\"secret\":\"whsec_s\"}";
    /** Far above what an answer takes on a loaded machine, so only the stubs' delays decide what is lost. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(100);

    private final ObjectMapper json = new ObjectMapper();
    private WireMockServer syncService;
    private HttpTenantWebhooks webhooks;

    @BeforeEach
    void start() {
        syncService = new WireMockServer(wireMockConfig().dynamicPort());
        syncService.start();
        WebClient client = SyncServiceClient.create(WebClient.builder(), syncService.baseUrl(), "token", READ_TIMEOUT,
                Duration.ofSeconds(30));
        webhooks = new HttpTenantWebhooks(client, READ_TIMEOUT, WRITE_TIMEOUT);
    }

    @AfterEach
    void stop() {
        syncService.stop();
    }

    @Test
    void aRegistrationAnsweredTooLateIsAskedAgainWithTheSameIdAndAnswersTheSecret() throws Exception {
        syncService.stubFor(post(PATH).inScenario("slow").whenScenarioStateIs(STARTED).willSetStateTo("stored")
                .willReturn(aResponse().withStatus(201).withFixedDelay(5_000)
                        .withHeader("Content-Type", "application/json").withBody(CREATED)));
        syncService.stubFor(post(PATH).inScenario("slow").whenScenarioStateIs("stored")  // slower than reads may be
                .willReturn(aResponse().withStatus(201).withFixedDelay(500)
                        .withHeader("Content-Type", "application/json").withBody(CREATED)));

        Map<String, Object> created = webhooks.register("tenant-a", "https://hooks.example/x").block();

        List<Map<?, ?>> bodies = bodies();
        assertThat(created).containsEntry("secret", "whsec_s");
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).get("webhookId")).asString().matches("[0-9a-f-]{36}");
        assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
        assertThat(bodies.get(0).get("url")).isEqualTo("https://hooks.example/x");
    }

    @Test
    void aRegistrationWhoseAnswersAreLostTwiceIsUnavailableAfterTwoAttempts() throws Exception {
        syncService.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> webhooks.register("tenant-a", "https://hooks.example/x").block())
                .isInstanceOf(ReadModelUnavailable.class);
        assertThat(bodies()).hasSize(2);
    }

    @Test
    void aRefusedRegistrationIsNotRepeated() throws Exception {
        syncService.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"detail\":\"url must be https\"}")));

        assertThatThrownBy(() -> webhooks.register("tenant-a", "http://hooks.example/x").block())
                .isInstanceOf(InvalidWebhook.class).hasMessageContaining("url must be https");
        assertThat(bodies()).hasSize(1);
    }

    private List<Map<?, ?>> bodies() throws Exception {
        List<Map<?, ?>> bodies = new ArrayList<>();
        for (LoggedRequest request : syncService.findAll(postRequestedFor(urlEqualTo(PATH)))) {
            bodies.add(json.readValue(request.getBodyAsString(), Map.class));
        }
        return bodies;
    }
}
