package dev.ksefplatform.commandapi;

import dev.ksefplatform.testsupport.CapturedLogs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.IntegrationVerified;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The tenants' self-service over the real credential-service and KSeF simulator (in this JVM) and embedded
 * PostgreSQL + Kafka: onboarding in one admin call under one tenant id, the lifecycle with actionable statuses,
 * isolation between tenants. {@link SelfServiceSecretsIT} scans the same lifecycle for planted secrets.
 */
@SpringBootTest(classes = CommandApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommandApiApplication.CONFIG_NAME)
@DirtiesContext // its context points at a credential-service that stops with the class: not one to keep for others
class SelfServiceApiIT {

    static final String ADMIN_TOKEN = "it-self-service-admin-token";
    static final String CONSOLE_TOKEN = "it-self-service-console-token";
    static final SelfServiceStack STACK = new SelfServiceStack();
    static final List<String> RESPONSES = new CopyOnWriteArrayList<>();
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

    record Tenant(String id, String nip, String apiKey) {
    }

    // ---- onboarding -------------------------------------------------------------------------------------------------

    @Test
    void onboardsATenantAndItsIntegrationInOneCallUnderTheGatewaysTenantId() {
        String nip = Invoices.randomNip();
        String token = STACK.ksefToken(nip, List.of("InvoiceWrite", "InvoiceRead"));

        Map<String, Object> onboarded = call(admin().post().uri("/admin/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Biuro " + nip, "nip", nip, "integration", Map.of(
                        "scopes", List.of("InvoiceWrite", "InvoiceRead"),
                        "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token)))), 201);
        Tenant tenant = new Tenant((String) onboarded.get("tenantId"), nip, (String) onboarded.get("apiKey"));
        @SuppressWarnings("unchecked")
        Map<String, Object> integration = (Map<String, Object>) onboarded.get("integration");
        String integrationId = (String) integration.get("integrationId");
        Map<String, Object> inVault = call(STACK.vault(SelfServiceStack.VAULT_ADMIN).get()
                .uri("/admin/v1/integrations/{id}", integrationId), 200);
        Map<String, Object> verified = call(tenant(tenant).post().uri("/api/v1/integrations/{id}/verify", integrationId), 200);
        Map<String, Object> lease = call(STACK.vault(SelfServiceStack.VAULT_WORKER).post().uri("/internal/v1/leases")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tenantId", tenant.id(), "environment", "TEST",
                        "contextNip", nip, "purpose", "InvoiceWrite")), 200);

        assertThat(integration).containsEntry("status", "PENDING").containsEntry("taxpayerNip", nip)
                .containsEntry("environment", "TEST").containsEntry("usesProviderCredential", false);
        assertThat((String) integration.get("action")).contains("/api/v1/integrations/" + integrationId + "/verify");
        assertThat(inVault).containsEntry("tenantId", tenant.id()).containsEntry("taxpayerNip", nip);
        assertThat(verified).containsEntry("status", "ACTIVE").doesNotContainKey("action");
        assertThat(lease).containsEntry("integrationId", integrationId);
        assertThat(items(call(tenant(tenant).get().uri("/api/v1/integrations"), 200)))
                .extracting(i -> i.get("integrationId")).containsExactly(integrationId);
        assertThat(integration).doesNotContainKeys("lastUsedAt", "rotatedAt");
        assertThat(verified).doesNotContainKey("lastUsedAt");
        Map<String, Object> used = call(tenant(tenant).get().uri("/api/v1/integrations/{id}", integrationId), 200);
        assertThat(java.time.Instant.parse((String) used.get("lastUsedAt")))
                .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
        assertThat(used).doesNotContainKey("rotatedAt");
    }

    @Test
    void aVerificationAnOperatorAsksForThroughTheConsoleNamesTheOperatorAndTheTenantInTheVaultsEvents() {
        String nip = Invoices.randomNip();
        String token = STACK.ksefToken(nip, List.of("InvoiceWrite"));
        Map<String, Object> onboarded = call(admin().post().uri("/admin/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Staff " + nip, "nip", nip, "integration", Map.of("scopes", List.of("InvoiceWrite"),
                        "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token)))), 201);
        String tenantId = (String) onboarded.get("tenantId");
        @SuppressWarnings("unchecked")
        String integrationId = (String) ((Map<String, Object>) onboarded.get("integration")).get("integrationId");

        Map<String, Object> verified = call(client.post().uri("/api/v1/integrations/{id}/verify", integrationId)
                .header("Authorization", "Bearer " + CONSOLE_TOKEN).header("X-Act-For-Tenant", tenantId)
                .header("X-Actor-Type", "STAFF").header("X-Actor-Id", "operator.ewa"), 200);

        assertThat(verified).containsEntry("status", "ACTIVE");
        List<EventEnvelope> verifications = awaitEvents(tenantId, IntegrationVerified.class);
        assertThat(verifications).as("the vault's verification events of the tenant").isNotEmpty()
                .anySatisfy(event -> {
                    assertThat(event.getAudit().getActor().getType()).isEqualTo("STAFF");
                    assertThat(event.getAudit().getActor().getId()).isEqualTo("operator.ewa");
                    assertThat(event.getAudit().getActor().getOnBehalfOf()).isEqualTo(tenantId);
                });
    }

    /** The tenant's events of one payload type on ksef.events.v1, once there is one (the vault's outbox relays them). */
    private static List<EventEnvelope> awaitEvents(String tenantId, Class<?> payload) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<EventEnvelope> found;
        do {
            found = SelfServiceEvents.allEnvelopes().stream().filter(e -> tenantId.equals(e.getTenantId()))
                    .filter(e -> payload.isInstance(e.getPayload())).toList();
        } while (found.stream().noneMatch(e -> "STAFF".equals(e.getAudit().getActor().getType()))
                && System.nanoTime() < deadline);
        return found;
    }

    @Test
    void anOnboardingTheVaultRefusesLeavesNoTenantBehind() {
        String nip = Invoices.randomNip();

        Map<String, Object> refused = call(admin().post().uri("/admin/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Refused " + nip, "nip", nip, "integration", Map.of(
                        "scopes", List.of("InvoiceWrite"), "credential", Map.of("type", "KSEF_TOKEN",
                                "ksefToken", "not-a-ksef-token")))), 400);
        Map<String, Object> registered = call(admin().post().uri("/admin/v1/tenants")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Later " + nip, "nip", nip)), 201);

        assertThat(refused).containsEntry("type", "https://ksef-platform.dev/problems/invalid-request");
        assertThat((String) refused.get("detail")).contains("ksefToken");
        assertThat(registered).containsEntry("nip", nip).doesNotContainKey("integration");
    }

    @Test
    void theVaultTakesAnOperatorsIntegrationOnlyForAGatewayTenantInItsOwnNip() {
        String nip = Invoices.randomNip();
        String tenantId = (String) call(admin().post().uri("/admin/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Alone " + nip, "nip", nip)), 201).get("tenantId");

        Map<String, Object> madeUp = call(vaultRegistration(UUID.randomUUID().toString(), nip), 422);
        Map<String, Object> otherNip = call(vaultRegistration(tenantId, Invoices.randomNip()), 422);
        Map<String, Object> created = call(vaultRegistration(tenantId, nip), 201);

        assertThat(madeUp).containsEntry("type", "https://ksef-platform.dev/problems/unknown-tenant");
        assertThat(otherNip).containsEntry("type", "https://ksef-platform.dev/problems/tenant-nip-mismatch");
        assertThat(created).containsEntry("tenantId", tenantId).containsEntry("taxpayerNip", nip);
    }

    private static WebTestClient.RequestHeadersSpec<?> vaultRegistration(String tenantId, String nip) {
        return STACK.vault(SelfServiceStack.VAULT_ADMIN).post().uri("/admin/v1/integrations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tenantId", tenantId, "environment", "TEST",
                        "taxpayerNip", nip, "providerNip", nip, "scopes", List.of("InvoiceWrite"),
                        "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", "ref-" + UUID.randomUUID() + "|x")));
    }

    // ---- the lifecycle ---------------------------------------------------------------------------------------------

    @Test
    void aMissingGrantIsErrorWithWhatToDoAndAFixedSecretVerifiesAgain() {
        Tenant tenant = registerTenant();
        String readOnly = STACK.ksefToken(tenant.nip(), List.of("InvoiceRead"));
        String full = STACK.ksefToken(tenant.nip(), List.of("InvoiceWrite", "InvoiceRead"));

        String id = create(tenant, Map.of("type", "KSEF_TOKEN", "ksefToken", readOnly), "InvoiceWrite");
        Map<String, Object> error = call(tenant(tenant).post().uri("/api/v1/integrations/{id}/verify", id), 200);
        Map<String, Object> rotated = call(tenant(tenant).post().uri("/api/v1/integrations/{id}/secret", id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("credential", Map.of("type", "KSEF_TOKEN", "ksefToken", full))), 200);
        Map<String, Object> active = call(tenant(tenant).post().uri("/api/v1/integrations/{id}/verify", id), 200);

        assertThat(error).containsEntry("status", "ERROR");
        assertThat((String) error.get("reason")).contains("grant InvoiceWrite").contains(tenant.nip());
        assertThat((String) error.get("action")).contains("verify again: POST /api/v1/integrations/" + id + "/verify");
        assertThat(rotated).containsEntry("status", "PENDING").containsKey("rotatedAt");
        assertThat(error).doesNotContainKey("rotatedAt");
        assertThat(active).containsEntry("status", "ACTIVE");
        assertThat(call(tenant(tenant).get().uri("/api/v1/integrations/{id}", id), 200)).containsEntry("status", "ACTIVE");
    }

    @Test
    void disablesAndEnablesAndRefusesAMoveTheLifecycleForbids() {
        Tenant tenant = registerTenant();
        String id = create(tenant, Map.of("type", "KSEF_TOKEN",
                "ksefToken", STACK.ksefToken(tenant.nip(), List.of("InvoiceWrite"))), "InvoiceWrite");
        call(tenant(tenant).post().uri("/api/v1/integrations/{id}/verify", id), 200);

        Map<String, Object> disabled = call(tenant(tenant).post().uri("/api/v1/integrations/{id}/disable", id), 200);
        Map<String, Object> refusedVerify = call(tenant(tenant).post().uri("/api/v1/integrations/{id}/verify", id), 409);
        Map<String, Object> enabled = call(tenant(tenant).post().uri("/api/v1/integrations/{id}/enable", id), 200);
        Map<String, Object> refusedEnable = call(tenant(tenant).post().uri("/api/v1/integrations/{id}/enable", id), 409);
        Map<String, Object> lease = call(STACK.vault(SelfServiceStack.VAULT_WORKER).post().uri("/internal/v1/leases")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tenantId", tenant.id(), "environment", "TEST",
                        "contextNip", tenant.nip(), "purpose", "InvoiceWrite")), 403);

        assertThat(disabled).containsEntry("status", "DISABLED").containsEntry("reason", "disabled by the tenant");
        assertThat((String) disabled.get("action")).contains("/enable");
        assertThat(refusedVerify).containsEntry("type", "https://ksef-platform.dev/problems/illegal-status-transition");
        assertThat(enabled).containsEntry("status", "PENDING");
        assertThat(refusedEnable).containsEntry("type", "https://ksef-platform.dev/problems/illegal-status-transition");
        assertThat(lease).containsEntry("type", "https://ksef-platform.dev/problems/integration-not-active");
    }

    @Test
    void usesTheProvidersCredentialTheTaxpayerGrantedPermissionTo() {
        String providerNip = Invoices.randomNip();
        var seal = SelfServiceStack.pkcs12(providerNip, "pw-" + UUID.randomUUID());
        Map<String, Object> provider = call(STACK.vault(SelfServiceStack.VAULT_ADMIN).post()
                .uri("/admin/v1/provider-credentials").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("environment", "TEST", "providerNip", providerNip, "credential", Map.of(
                        "type", "CERTIFICATE", "pkcs12", seal.base64(), "password", seal.password()))), 201);
        Tenant granted = registerTenant();
        Tenant notGranted = registerTenant();
        STACK.grant(granted.nip(), providerNip, "InvoiceWrite");
        Map<String, Object> viaProvider = Map.of("type", "PROVIDER",
                "providerCredentialId", provider.get("providerCredentialId"));

        String ok = create(granted, viaProvider, "InvoiceWrite");
        String missing = create(notGranted, viaProvider, "InvoiceWrite");
        Map<String, Object> active = call(tenant(granted).post().uri("/api/v1/integrations/{id}/verify", ok), 200);
        Map<String, Object> error = call(tenant(notGranted).post().uri("/api/v1/integrations/{id}/verify", missing), 200);

        assertThat(active).containsEntry("status", "ACTIVE").containsEntry("usesProviderCredential", true)
                .containsEntry("providerNip", providerNip);
        assertThat(error).containsEntry("status", "ERROR");
        assertThat((String) error.get("reason")).contains("grant InvoiceWrite to NIP " + providerNip)
                .contains(notGranted.nip());
    }

    // ---- isolation -------------------------------------------------------------------------------------------------

    @Test
    void aTenantNeverTouchesAnotherTenantsIntegrationAndLearnsNothingOfIt() {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        String aId = create(a, Map.of("type", "KSEF_TOKEN",
                "ksefToken", STACK.ksefToken(a.nip(), List.of("InvoiceWrite"))), "InvoiceWrite");

        Map<String, Object> unknown = withoutInstance(call(tenant(b).get().uri("/api/v1/integrations/{id}",
                UUID.randomUUID()), 404));
        for (String action : List.of("verify", "disable", "enable")) {
            Map<String, Object> refused = withoutInstance(call(tenant(b).post()
                    .uri("/api/v1/integrations/{id}/" + action, aId), 404));
            assertThat(refused).isEqualTo(withoutInstance(call(tenant(b).post()
                    .uri("/api/v1/integrations/{id}/" + action, unknownLike(aId)), 404)));
        }
        call(tenant(b).post().uri("/api/v1/integrations/{id}/secret", aId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("credential", Map.of("type", "KSEF_TOKEN", "ksefToken", "x|y"))), 404);

        assertThat(unknown).containsEntry("type", "https://ksef-platform.dev/problems/integration-not-found");
        assertThat(call(tenant(b).get().uri("/api/v1/integrations/{id}", aId), 404).get("type"))
                .isEqualTo(unknown.get("type"));
        assertThat(items(call(tenant(b).get().uri("/api/v1/integrations"), 200))).isEmpty();
        assertThat(call(tenant(a).get().uri("/api/v1/integrations/{id}", aId), 200)).containsEntry("status", "PENDING");
    }

    @Test
    void refusesWithoutAnApiKeyAndDocumentsEveryOperationWithProblems() {
        call(client.get().uri("/api/v1/integrations"), 401);
        Map<String, Object> docs = call(client.get().uri("/v3/api-docs"), 200);

        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) docs.get("paths");
        assertThat(paths.keySet()).contains("/api/v1/integrations", "/api/v1/integrations/{id}",
                "/api/v1/integrations/{id}/verify", "/api/v1/integrations/{id}/secret",
                "/api/v1/integrations/{id}/disable", "/api/v1/integrations/{id}/enable");
        Map<?, ?> create = (Map<?, ?>) ((Map<?, ?>) paths.get("/api/v1/integrations")).get("post");
        assertThat(((Map<?, ?>) create.get("responses")).keySet().stream().map(String::valueOf).toList()).contains("201", "400", "401", "409", "503");
    }

    // ---- secrets go in, never come out ------------------------------------------------------------------------------

    @Test
    void noPlantedSecretOfAnyKindIsInALogLineAResponseAProblemOrAnEvent() throws Exception {
        List<String> planted = new ArrayList<>();
        try (CapturedLogs logs = CapturedLogs.attach()) {
            String ownNip = Invoices.randomNip();
            var certificate = SelfServiceStack.pkcs12(ownNip, "pkcs12-password-" + UUID.randomUUID());
            planted.addAll(List.of(certificate.password(), middle(certificate.base64()), middle(certificate.privateKeyBase64())));
            call(admin().post().uri("/admin/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Cert " + ownNip, "nip", ownNip, "integration", Map.of("scopes",
                            List.of("InvoiceWrite"), "credential", Map.of("type", "CERTIFICATE",
                                    "pkcs12", certificate.base64(), "password", certificate.password())))), 201);

            String refusedNip = Invoices.randomNip();
            String badToken = "token-without-a-reference-" + UUID.randomUUID();
            planted.add(badToken);
            call(admin().post().uri("/admin/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Bad " + refusedNip, "nip", refusedNip, "integration", Map.of("scopes",
                            List.of("InvoiceWrite"), "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", badToken)))), 400);

            Tenant tenant = registerTenant();
            String token = STACK.ksefToken(tenant.nip(), List.of("InvoiceWrite"));
            String rotatedToken = STACK.ksefToken(tenant.nip(), List.of("InvoiceWrite"));
            planted.addAll(List.of(token, afterReference(token), rotatedToken, afterReference(rotatedToken)));
            String id = create(tenant, Map.of("type", "KSEF_TOKEN", "ksefToken", token), "InvoiceWrite");
            call(tenant(tenant).post().uri("/api/v1/integrations/{id}/verify", id), 200);
            call(tenant(tenant).post().uri("/api/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("scopes", List.of("InvoiceWrite"), "credential",
                            Map.of("type", "KSEF_TOKEN", "ksefToken", token))), 409);
            for (String broken : List.of(
                    "{\"scopes\":[\"InvoiceWrite\"],\"credential\":{\"type\":\"KSEF_TOKEN\",\"ksefToken\":\"" + token,
                    "{\"credential\":{\"type\":\"KSEF_TOKEN\",\"ksefToken\":{\"nested\":\"" + token + "\"}}}",
                    "{\"credential\":{\"type\":\"" + token + "\",\"ksefToken\":\"" + token + "\"}}",
                    "[\"" + token + "\"]")) {
                call(tenant(tenant).post().uri("/api/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(broken), 400);
                call(tenant(tenant).post().uri("/api/v1/integrations/{id}/secret", id)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(broken), 400);
            }
            var other = SelfServiceStack.pkcs12(tenant.nip(), "other-password-" + UUID.randomUUID());
            String wrongPassword = "wrong-password-" + UUID.randomUUID();
            planted.addAll(List.of(other.password(), wrongPassword, middle(other.base64()), middle(other.privateKeyBase64())));
            call(tenant(tenant).post().uri("/api/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("environment", "TEST", "scopes", List.of("InvoiceWrite"), "credential", Map.of(
                            "type", "CERTIFICATE", "pkcs12", other.base64(), "password", wrongPassword))), 400);
            call(tenant(tenant).post().uri("/api/v1/integrations/{id}/secret", id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("credential", Map.of("type", "CERTIFICATE", "pkcs12", other.base64(),
                            "password", other.password()))), 400);
            call(tenant(tenant).post().uri("/api/v1/integrations/{id}/secret", id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("credential", Map.of("type", "KSEF_TOKEN", "ksefToken", rotatedToken))), 200);
            call(tenant(tenant).post().uri("/api/v1/integrations/{id}/verify", id), 200);
            call(tenant(tenant).get().uri("/api/v1/integrations"), 200);

            List<String> events = SelfServiceEvents.allValuesAsText();
            for (String secret : planted) {
                assertThat(RESPONSES).as("responses and problems").noneMatch(body -> body.contains(secret));
                assertThat(logs.lines()).as("log lines").noneMatch(line -> line.contains(secret));
                assertThat(events).as("events").noneMatch(event -> event.contains(secret));
            }
            assertThat(logs.lines()).as("the lifecycle was logged").anyMatch(line -> line.contains(id));
            assertThat(events).as("the lifecycle's events were read").anyMatch(event -> event.contains(id));
        }
    }

    private static String middle(String base64) {
        return base64.substring(base64.length() / 2 - 30, base64.length() / 2 + 30);
    }

    private static String afterReference(String ksefToken) {
        return ksefToken.substring(ksefToken.indexOf('|') + 1);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static String unknownLike(String id) {
        return UUID.randomUUID().toString();
    }

    Tenant registerTenant() {
        String nip = Invoices.randomNip();
        Map<String, Object> body = call(admin().post().uri("/admin/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Tenant " + nip, "nip", nip)), 201);
        return new Tenant((String) body.get("tenantId"), nip, (String) body.get("apiKey"));
    }

    String create(Tenant tenant, Map<String, Object> credential, String... scopes) {
        Map<String, Object> created = call(tenant(tenant).post().uri("/api/v1/integrations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scopes", List.of(scopes), "credential", credential)), 201);
        assertThat(created).containsEntry("taxpayerNip", tenant.nip()).containsEntry("status", "PENDING");
        return (String) created.get("integrationId");
    }

    WebTestClient admin() {
        return client.mutate().defaultHeader("Authorization", "Bearer " + ADMIN_TOKEN).build();
    }

    WebTestClient tenant(Tenant tenant) {
        return client.mutate().defaultHeader("X-API-Key", tenant.apiKey()).build();
    }

    /** The body as JSON, after checking the status; every body is kept for the secret scan. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> call(WebTestClient.RequestHeadersSpec<?> request, int status) {
        byte[] raw = request.exchange().expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        String text = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
        RESPONSES.add(text);
        try {
            return text.isEmpty() ? Map.of() : JSON.readValue(text, Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    static Map<String, Object> withoutInstance(Map<String, Object> problem) {
        Map<String, Object> copy = new HashMap<>(problem);
        copy.remove("instance");
        copy.remove("detail");
        return copy;
    }
}
