package dev.ksefplatform.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.IntegrationStatusChanged;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The operators' forwarders to the real credential-service (in this JVM): every tenant's integrations with the
 * tenant's name and NIP joined in, filters checked (400), quick actions naming the operator in the vault's events,
 * master-key rotation and its progress; only the admin and console tokens get in.
 */
@SpringBootTest(classes = CommandApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommandApiApplication.CONFIG_NAME)
@DirtiesContext // its context points at a credential-service that stops with the class
class OperatorIntegrationsApiIT {

    private static final String ADMIN_TOKEN = "it-operator-admin-token";
    private static final String CONSOLE_TOKEN = "it-operator-console-token";
    private static final SelfServiceStack STACK = new SelfServiceStack();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafka.get().bootstrapServers());
        registry.add("ksef.services.credential-service.url", STACK::vaultUrl);
        registry.add("commandapi.services.credential-service.token", () -> SelfServiceStack.VAULT_COMMAND_API);
        registry.add("commandapi.security.callers.admin", () -> ADMIN_TOKEN);
        registry.add("commandapi.security.callers.console", () -> CONSOLE_TOKEN);
    }

    @BeforeEach
    void patientClient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stopStack() {
        STACK.close();
    }

    private record Tenant(String id, String name, String nip, String apiKey, String integrationId) {
    }

    @Test
    void listsATenantsIntegrationsWithItsNameAndNipAndFiltersByKindAndStatus() {
        Tenant a = onboard();
        Tenant b = onboard();

        List<Map<String, Object>> ofA = items(console("/admin/v1/integrations?tenantId=" + a.id()));
        List<Map<String, Object>> tokensOfA = items(console("/admin/v1/integrations?tenantId=" + a.id()
                + "&kind=KSEF_TOKEN&status=PENDING&environment=TEST"));
        List<Map<String, Object>> providersOfA = items(console("/admin/v1/integrations?tenantId=" + a.id()
                + "&kind=PROVIDER_CREDENTIAL"));
        List<Map<String, Object>> pending = items(console("/admin/v1/integrations?status=PENDING&size=100"));

        assertThat(ofA).singleElement().satisfies(i -> {
            assertThat(i).containsEntry("integrationId", a.integrationId()).containsEntry("tenantId", a.id())
                    .containsEntry("tenantName", a.name()).containsEntry("tenantNip", a.nip())
                    .containsEntry("kind", "KSEF_TOKEN").containsEntry("status", "PENDING");
            assertThat(i.toString()).doesNotContain("ksefToken");
        });
        assertThat(tokensOfA).extracting(i -> i.get("integrationId")).containsExactly(a.integrationId());
        assertThat(providersOfA).isEmpty();
        assertThat(items(console("/admin/v1/integrations?tenantId=" + b.id())))
                .extracting(i -> i.get("integrationId")).containsExactly(b.integrationId());
        assertThat(pending).allSatisfy(i -> assertThat(i.get("status")).isEqualTo("PENDING"));
    }

    @Test
    void refusesFilterValuesItDoesNotKnowAsProblems() {
        for (String query : List.of("kind=TOKEN", "status=GONE", "tenantId=tenant-a", "environment=test",
                "size=101", "page=-1", "sort=name", "kind=CERTIFICATE&kind=KSEF_TOKEN")) {
            Map<String, Object> problem = call(client.get().uri("/admin/v1/integrations?" + query)
                    .header("Authorization", "Bearer " + CONSOLE_TOKEN), 400);
            assertThat(problem).containsEntry("type", "https://ksef-platform.dev/problems/invalid-request")
                    .containsKey("parameter");
        }
    }

    @Test
    void onlyTheAdminAndTheConsoleGetInNeverATenantsApiKey() {
        Tenant tenant = onboard();
        call(client.get().uri("/admin/v1/integrations").header("Authorization", "Bearer " + ADMIN_TOKEN), 200);
        call(client.get().uri("/admin/v1/integrations").header("X-API-Key", tenant.apiKey()), 401);
        call(client.get().uri("/admin/v1/integrations").header("Authorization", "Bearer " + tenant.apiKey()), 401);
        call(client.post().uri("/admin/v1/integrations/{id}/disable", tenant.integrationId())
                .header("X-API-Key", tenant.apiKey()).header("X-Operator-Id", "mallory"), 401);
        call(client.post().uri("/admin/v1/vault/rotations").header("X-API-Key", tenant.apiKey())
                .header("X-Operator-Id", "mallory").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("targetVersion", 1)), 401);
        call(client.get().uri("/admin/v1/vault/rotations/00000000-0000-0000-0000-000000000000"), 401);
        assertThat(vaultStatus(tenant)).isEqualTo("PENDING");
    }

    @Test
    void quickActionsNameTheOperatorInTheVaultsEventsAndReturnTheNewStatus() {
        Tenant tenant = onboard();

        Map<String, Object> verified = act(tenant, "verify", 200);
        Map<String, Object> disabled = act(tenant, "disable", 200);
        Map<String, Object> twice = act(tenant, "disable", 409);
        Map<String, Object> enabled = act(tenant, "enable", 200);
        Map<String, Object> anonymous = call(client.post().uri("/admin/v1/integrations/{id}/disable",
                tenant.integrationId()).header("Authorization", "Bearer " + CONSOLE_TOKEN), 400);
        Map<String, Object> unknown = call(client.post().uri("/admin/v1/integrations/{id}/disable",
                "00000000-0000-0000-0000-000000000000").header("Authorization", "Bearer " + CONSOLE_TOKEN)
                .header("X-Operator-Id", "operator.ewa"), 404);

        assertThat(verified).containsEntry("status", "ACTIVE").containsEntry("tenantName", tenant.name());
        assertThat(disabled).containsEntry("status", "DISABLED").containsEntry("tenantNip", tenant.nip());
        assertThat(twice).containsEntry("type", "https://ksef-platform.dev/problems/illegal-status-transition");
        assertThat(enabled).containsEntry("status", "PENDING");
        assertThat(anonymous).containsEntry("parameter", "X-Operator-Id");
        assertThat(unknown).containsEntry("type", "https://ksef-platform.dev/problems/integration-not-found");
        assertThat(statusChangesBy(tenant.id(), 2)).extracting(e -> e.getAudit().getActor().getId())
                .containsExactly("operator.ewa", "operator.ewa");
    }

    @Test
    void anOperatorActingForTheTenantDisablesAndEnablesNamedWithTheTenantInTheVaultsEvents() {
        Tenant tenant = onboard();

        for (String action : List.of("disable", "enable")) {
            call(client.post().uri("/api/v1/integrations/{id}/{action}", tenant.integrationId(), action)
                    .header("Authorization", "Bearer " + CONSOLE_TOKEN).header("X-Act-For-Tenant", tenant.id())
                    .header("X-Actor-Type", "STAFF").header("X-Actor-Id", "operator.jan"), 200);
        }

        assertThat(statusChangesBy(tenant.id(), 2)).hasSize(2).allSatisfy(e -> {
            assertThat(e.getAudit().getActor().getType()).isEqualTo("STAFF");
            assertThat(e.getAudit().getActor().getId()).isEqualTo("operator.jan");
            assertThat(e.getAudit().getActor().getOnBehalfOf()).isEqualTo(tenant.id());
            assertThat(e.getAudit().getIntegrationId()).isEqualTo(tenant.integrationId());
        });
    }

    @Test
    void startsAMasterKeyRotationFollowsItToTheEndAndSaysWhatToDoAboutAMissingVersion() throws Exception {
        onboard();
        var started = client.post().uri("/admin/v1/vault/rotations").header("Authorization", "Bearer " + CONSOLE_TOKEN)
                .header("X-Operator-Id", "operator.ewa").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("targetVersion", 1)).exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult();
        String id = (String) started.getResponseBody().get("rotationId");
        assertThat(started.getResponseHeaders().getLocation()).hasToString("/admin/v1/vault/rotations/" + id);
        Map<String, Object> progress = awaitFinished(id);
        Map<String, Object> missing = call(client.post().uri("/admin/v1/vault/rotations")
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("X-Operator-Id", "admin")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("targetVersion", 2)), 400);
        Map<String, Object> noTarget = call(client.post().uri("/admin/v1/vault/rotations")
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("X-Operator-Id", "admin")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()), 400);
        Map<String, Object> notFound = call(client.get().uri("/admin/v1/vault/rotations/{id}",
                "00000000-0000-0000-0000-000000000000").header("Authorization", "Bearer " + CONSOLE_TOKEN), 404);

        assertThat(progress).containsEntry("status", "COMPLETED").containsEntry("targetVersion", 1)
                .containsEntry("failed", 0).containsKey("finishedAt");
        assertThat(progress.get("rewrapped")).isEqualTo(progress.get("total"));
        assertThat(missing).containsEntry("type", "https://ksef-platform.dev/problems/unknown-key-version");
        assertThat((String) missing.get("detail")).contains("credentials.vault.master-keys.2");
        assertThat((String) noTarget.get("detail")).contains("targetVersion");
        assertThat(notFound).containsEntry("type", "https://ksef-platform.dev/problems/key-rotation-not-found");
    }

    private Map<String, Object> awaitFinished(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> progress;
        do {
            Thread.sleep(200);
            progress = call(client.get().uri("/admin/v1/vault/rotations/{id}", id)
                    .header("Authorization", "Bearer " + CONSOLE_TOKEN), 200);
        } while ("RUNNING".equals(progress.get("status")) && System.nanoTime() < deadline);
        return progress;
    }

    private Map<String, Object> act(Tenant tenant, String action, int status) {
        return call(client.post().uri("/admin/v1/integrations/{id}/{action}", tenant.integrationId(), action)
                .header("Authorization", "Bearer " + CONSOLE_TOKEN).header("X-Operator-Id", "operator.ewa"), status);
    }

    private String vaultStatus(Tenant tenant) {
        return (String) call(STACK.vault(SelfServiceStack.VAULT_ADMIN).get()
                .uri("/admin/v1/integrations/{id}", tenant.integrationId()), 200).get("status");
    }

    private static List<EventEnvelope> statusChangesBy(String tenantId, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<EventEnvelope> found;
        do {
            found = SelfServiceEvents.allEnvelopes().stream().filter(e -> tenantId.equals(e.getTenantId()))
                    .filter(e -> e.getPayload() instanceof IntegrationStatusChanged).toList();
        } while (found.size() < expected && System.nanoTime() < deadline);
        return found;
    }

    private Tenant onboard() {
        String nip = Invoices.randomNip();
        String name = "Biuro " + nip;
        Map<String, Object> onboarded = call(client.post().uri("/admin/v1/tenants")
                .header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", name, "nip", nip, "integration", Map.of("scopes", List.of("InvoiceWrite"),
                        "credential", Map.of("type", "KSEF_TOKEN",
                                "ksefToken", STACK.ksefToken(nip, List.of("InvoiceWrite")))))), 201);
        @SuppressWarnings("unchecked")
        String integrationId = (String) ((Map<String, Object>) onboarded.get("integration")).get("integrationId");
        return new Tenant((String) onboarded.get("tenantId"), name, nip, (String) onboarded.get("apiKey"),
                integrationId);
    }

    private WebTestClient.RequestHeadersSpec<?> console(String uri) {
        return client.get().uri(uri).header("Authorization", "Bearer " + CONSOLE_TOKEN);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(WebTestClient.RequestHeadersSpec<?> request) {
        return (List<Map<String, Object>>) call(request, 200).get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(WebTestClient.RequestHeadersSpec<?> request, int status) {
        byte[] body = request.exchange().expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        String text = body == null ? "{}" : new String(body, StandardCharsets.UTF_8);
        try {
            return JSON.readValue(text, Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
