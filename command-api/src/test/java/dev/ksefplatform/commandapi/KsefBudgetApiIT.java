package dev.ksefplatform.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import dev.ksefplatform.worker.TenantWorkerApplication;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /api/v1/ksef-budget} through command-api to the real tenant-worker's internal endpoint (in this JVM, as
 * the one-JVM launcher runs it). The snapshot rows are written here as the worker's snapshot writer writes them
 * (that writer is proven over the simulator by the worker's BudgetSnapshotIT); what is tested is the forwarding:
 * the tenant's NIP from the registry, 404 before any snapshot, 401 without a key. Likewise the operators' largest
 * backlogs ({@code GET /admin/v1/platform/backlog}) over rows of the worker's commands table.
 */
@SpringBootTest(classes = CommandApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommandApiApplication.CONFIG_NAME)
class KsefBudgetApiIT {

    private static final String ADMIN_TOKEN = "it-admin-token";
    private static final String WORKER_TOKEN = "it-budget-worker-token";
    private static final String PROBLEMS = "https://ksef-platform.dev/problems/";
    private static final ConfigurableApplicationContext WORKER = startWorker();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafka.get().bootstrapServers());
        // tenant registration names the tenant to the vault, best effort: a port nothing listens on answers at once,
        // where the default (localhost:8081) depends on the machine (CI: one registration waited 30 s there)
        registry.add("ksef.services.credential-service.url", () -> "http://localhost:9");
        registry.add("ksef.services.tenant-worker.url", () -> "http://localhost:"
                + ((ReactiveWebServerApplicationContext) WORKER).getWebServer().getPort());
        registry.add("commandapi.security.callers.admin", () -> ADMIN_TOKEN);
        registry.add("commandapi.services.tenant-worker.token", () -> WORKER_TOKEN);
    }

    @AfterAll
    static void stopWorker() {
        WORKER.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTenantSeesOnlyItsOwnContextsBudget() throws SQLException {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        Instant blocked = Instant.parse("2026-12-03T14:05:00Z");
        snapshot(a.nip(), "invoiceSend", 120, blocked);
        snapshot(b.nip(), "invoiceSend", 7, null);

        Map<String, Object> budget = get(a, 200);

        assertThat(budget).containsEntry("nip", a.nip()).containsEntry("environment", "TEST")
                .containsEntry("waitingUntil", "2026-12-03T14:05:00Z");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) budget.get("groups");
        assertThat(groups).singleElement().satisfies(group -> assertThat(group)
                .containsEntry("group", "invoiceSend").containsEntry("perHour", 180).containsEntry("leftHour", 120));
        Map<String, Object> other = get(b, 200);
        assertThat(other).containsEntry("nip", b.nip());
        assertThat(other.get("waitingUntil")).isNull();
        client.get().uri("/api/v1/ksef-budget?nip=" + b.nip()).header("X-API-Key", a.apiKey()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.nip").isEqualTo(a.nip());
    }

    @Test
    void beforeAnySnapshotTheBudgetIsA404ProblemAndWithoutAKeyA401() {
        Tenant fresh = registerTenant();

        client.get().uri("/api/v1/ksef-budget").header("X-API-Key", fresh.apiKey()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "ksef-budget-not-seen");
        client.get().uri("/api/v1/ksef-budget").exchange().expectStatus().isUnauthorized();
    }

    @Test
    @SuppressWarnings("unchecked")
    void operatorsSeeTheLargestBacklogsAndTenantsDoNot() throws SQLException {
        String tenant = "backlog-" + UUID.randomUUID();
        String nip = Invoices.randomNip();
        for (int i = 0; i < 3; i++) {
            command(tenant, nip, "QUEUED");
        }
        command(tenant, nip, "SENT");
        command(tenant, nip, "DONE");

        Map<String, Object> page = client.get().uri("/admin/v1/platform/backlog?limit=100")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        assertThat((List<Map<String, Object>>) page.get("items")).filteredOn("tenantId", tenant).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("contextNip", nip).containsEntry("environment", "TEST")
                        .containsEntry("queued", 3).containsEntry("inKsef", 1).containsKey("oldestQueuedAt"));
        client.get().uri("/admin/v1/platform/backlog?limit=0").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .exchange().expectStatus().isBadRequest();
        client.get().uri("/admin/v1/platform/backlog").header("X-API-Key", registerTenant().apiKey()).exchange()
                .expectStatus().isUnauthorized();
    }

    /** A command row as the worker's intake writes it, on a partition no worker owns (so none runs it). */
    private static void command(String tenant, String nip, String state) throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO worker.commands (command_id, tenant_id, partition, kind, environment, context_nip,"
                        + " correlation_id, received_at, state) VALUES (?, ?, 999, 'SUBMIT_INVOICE', 'TEST', ?, ?, now(), ?)")) {
            String id = UUID.randomUUID().toString();
            insert.setString(1, id);
            insert.setString(2, tenant);
            insert.setString(3, nip);
            insert.setString(4, id);
            insert.setString(5, state);
            insert.executeUpdate();
        }
    }

    /** A row as tenant-worker's JdbcBudgetSnapshots writes it. */
    private static void snapshot(String nip, String group, int leftHour, Instant blockedUntil) throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO worker.budget_snapshots VALUES ('TEST', ?, ?, 10, 30, 180, 10, 30, ?, ?, ?, false, 'it', now())")) {
            insert.setString(1, nip);
            insert.setString(2, group);
            insert.setInt(3, leftHour);
            insert.setTimestamp(4, blockedUntil == null ? null : Timestamp.from(blockedUntil));
            insert.setTimestamp(5, blockedUntil == null ? null : Timestamp.from(blockedUntil));
            insert.executeUpdate();
        }
    }

    private Map<String, Object> get(Tenant tenant, int status) {
        return client.get().uri("/api/v1/ksef-budget").header("X-API-Key", tenant.apiKey()).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private Tenant registerTenant() {
        String nip = Invoices.randomNip();
        Map<String, Object> body = client.post().uri("/admin/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .bodyValue(Map.of("name", "Tenant " + nip, "nip", nip)).exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return new Tenant((String) body.get("tenantId"), nip, (String) body.get("apiKey"));
    }

    private static ConfigurableApplicationContext startWorker() {
        List<String> args = new ArrayList<>();
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--server.port=0");
        args.add("--spring.kafka.bootstrap-servers=" + EmbeddedKafka.get().bootstrapServers());
        args.add("--spring.kafka.consumer.group-id=budget-it-" + UUID.randomUUID());
        args.add("--worker.security.callers.command-api=" + WORKER_TOKEN);
        return TenantWorkerApplication.builder().run(args.toArray(String[]::new));
    }

    record Tenant(String id, String nip, String apiKey) {
    }
}
