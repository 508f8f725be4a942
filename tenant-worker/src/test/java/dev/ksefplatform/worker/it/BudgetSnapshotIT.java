package dev.ksefplatform.worker.it;

import static dev.ksefplatform.worker.it.Commands.outcomeOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker's internal API over the simulator with KSeF's official limits: the KSeF budget snapshot (after real sends
 * less left than the limit, for that context only) and the largest backlogs, to command-api's token only.
 */
class BudgetSnapshotIT {

    private static final String TOKEN = "budget-it-command-api-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WorkerHarness env;
    private static URI worker;

    @BeforeAll
    static void start() throws Exception {
        env = new WorkerHarness(true);
        ConfigurableApplicationContext context = env.startWorker("--worker.budget.snapshot-period=300ms",
                "--worker.security.callers.command-api=" + TOKEN);
        worker = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @Test
    void afterRealSendsTheSnapshotShowsLessLeftForThatContextOnly() throws Exception {
        String nipA = Nips.random();
        String nipB = Nips.random();
        List<CommandEnvelope> commands = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            commands.add(Commands.submit("budget-a", nipA));
        }

        commands.forEach(env.kafka::publish);
        commands.forEach(c -> assertThat(env.kafka.awaitEvent(outcomeOf(c)).value().getPayload())
                .isInstanceOf(InvoiceAccepted.class));

        JsonNode sent = awaitGroup(nipA, "invoiceSend", 5);
        assertThat(sent.path("perHour").asInt()).isPositive();
        assertThat(sent.path("leftHour").asInt()).isLessThanOrEqualTo(sent.path("perHour").asInt() - 5);
        assertThat(sent.path("leftMinute").asInt()).isLessThan(sent.path("perMinute").asInt());
        HttpResponse<String> other = get("/internal/v1/contexts/TEST/" + nipB + "/budget", TOKEN);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(other.body()).contains("budget-not-seen").doesNotContain(nipA);
    }

    @Test
    void aContextWaitingForItsIntegrationShowsItsQueuedCommandsAmongTheLargestBacklogs() throws Exception {
        String nip = Nips.random();
        env.credentials.deactivate(nip); // the lane holds: waiting for an integration is not a failure
        List<CommandEnvelope> commands = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            commands.add(Commands.submit("backlog-c", nip));
        }
        commands.forEach(env.kafka::publish);

        JsonNode held = awaitBacklog("backlog-c", 3);
        assertThat(held.path("environment").asText()).isEqualTo("TEST");
        assertThat(held.path("contextNip").asText()).isEqualTo(nip);
        assertThat(held.path("inKsef").asLong()).isZero();
        assertThat(held.path("oldestQueuedAt").asText()).isNotBlank();
        assertThat(get("/internal/v1/backlog?limit=0", TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/internal/v1/backlog?limit=101", TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/internal/v1/backlog", null).statusCode()).isEqualTo(401);

        env.credentials.activate(nip);
        commands.forEach(c -> assertThat(env.kafka.awaitEvent(outcomeOf(c)).value().getPayload())
                .isInstanceOf(InvoiceAccepted.class));
        assertThat(awaitBacklog("backlog-c", 0)).isNull();
    }

    @Test
    void onlyCommandApisTokenReadsABudgetAndBadPathsAreProblems() throws Exception {
        assertThat(get("/internal/v1/contexts/TEST/1234567890/budget", null).statusCode()).isEqualTo(401);
        assertThat(get("/internal/v1/contexts/TEST/1234567890/budget", "not-a-token").statusCode()).isEqualTo(401);
        HttpResponse<String> bad = get("/internal/v1/contexts/TEST/12345/budget", TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("invalid-request");
    }

    /** The group's entry once it shows at least {@code used} calls in the hour (the snapshot lags a period). */
    private static JsonNode awaitGroup(String nip, String group, int used) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get("/internal/v1/contexts/TEST/" + nip + "/budget", TOKEN);
            if (response.statusCode() == 200) {
                JsonNode body = new ObjectMapper().readTree(response.body());
                assertThat(body.path("nip").asText()).isEqualTo(nip);
                for (JsonNode entry : body.path("groups")) {
                    if (entry.path("group").asText().equals(group)
                            && entry.path("perHour").asInt() - entry.path("leftHour").asInt() >= used) {
                        return entry;
                    }
                }
                last = body;
            }
            WorkerHarness.sleep(200);
        }
        throw new AssertionError("no snapshot of " + group + " with " + used + " calls within 30 s; last " + last);
    }

    /** The tenant's entry once it shows {@code queued} queued commands (null once it has none open). */
    private static JsonNode awaitBacklog(String tenant, int queued) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get("/internal/v1/backlog?limit=100", TOKEN);
            assertThat(response.statusCode()).isEqualTo(200);
            last = response.body();
            JsonNode found = null;
            for (JsonNode entry : new ObjectMapper().readTree(last).path("items")) {
                if (entry.path("tenantId").asText().equals(tenant)) {
                    found = entry;
                }
            }
            if (queued == 0 && found == null) {
                return null;
            }
            if (found != null && found.path("queued").asLong() == queued) {
                return found;
            }
            WorkerHarness.sleep(200);
        }
        throw new AssertionError("no backlog of " + queued + " for " + tenant + " within 30 s; last " + last);
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(worker.resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
