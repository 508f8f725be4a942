package dev.ksefplatform.commandapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ksefplatform.audit.AuditProjectorApplication;
import dev.ksefplatform.commandapi.AuditEvents.Call;
import dev.ksefplatform.testsupport.EmbeddedKafka;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.junit.jupiter.api.BeforeEach;
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
 * The audit log through command-api: a tenant's own rows ({@code GET /api/v1/audit}) and the operators' view
 * ({@code GET /admin/v1/audit}), from the real audit-projector (in this JVM, as the one-JVM launcher runs it), which
 * folds what the tests publish to {@code ksef.events.v1} as it folds the services' events.
 */
@SpringBootTest(classes = CommandApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + CommandApiApplication.CONFIG_NAME)
class AuditApiIT {

    private static final String ADMIN_TOKEN = "it-audit-admin-token";
    private static final String AUDIT_TOKEN = "it-audit-command-api-token";
    private static final String PROBLEMS = "https://ksef-platform.dev/problems/";
    private static final String INTEGRATION = "integration-audit-it";
    private static final ConfigurableApplicationContext AUDIT_PROJECTOR = startAuditProjector();
    private static final AuditEvents EVENTS = new AuditEvents(EmbeddedKafka.get().bootstrapServers());

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafka.get().bootstrapServers());
        // tenant registration names the tenant to the vault, best effort: a port nothing listens on answers at once,
        // where the default (localhost:8081) depends on the machine (CI: one registration waited 30 s there)
        registry.add("ksef.services.credential-service.url", () -> "http://localhost:9");
        registry.add("ksef.services.audit-projector.url", () -> "http://localhost:"
                + ((ReactiveWebServerApplicationContext) AUDIT_PROJECTOR).getWebServer().getPort());
        registry.add("commandapi.security.callers.admin", () -> ADMIN_TOKEN);
        registry.add("commandapi.services.audit-projector.token", () -> AUDIT_TOKEN);
    }

    @BeforeEach
    void patientClient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stopAuditProjector() {
        EVENTS.close();
        AUDIT_PROJECTOR.close();
    }

    @Test
    void aTenantSeesItsOwnKsefCallsNewestFirstWithIntegrationAndProviderNip() throws Exception {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        Instant t0 = now();
        List<String> aRows = callsOf(a, t0);
        EVENTS.call(b.id(), "b-1", t0, Call.send(b.nip(), INTEGRATION, 201), AuditEvents.tenant("key-b"));
        awaitRows(b, 1);

        List<Map<String, Object>> items = items(get(a, "/api/v1/audit", 200));

        assertThat(field(items, "correlationId")).containsExactlyElementsOf(aRows);
        assertThat(field(items, "tenantId")).containsOnly(a.id());
        assertThat(field(items, "integrationId")).containsOnly(INTEGRATION);
        assertThat(field(items, "providerNip")).containsOnly(AuditEvents.PROVIDER_NIP);
        assertThat(field(items, "tenantNip")).containsOnly(a.nip());
        assertThat(items.get(0)).containsEntry("eventType", "KsefCallRecorded").containsEntry("operation", "ksef.session.status");
        assertThat(items.get(0).get("call")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("calls", 5).containsEntry("method", "GET");
        assertThat(field(items(get(b, "/api/v1/audit", 200)), "correlationId")).containsExactly("b-1");
    }

    @Test
    void filtersAndACursorPageThroughTheTenantsRowsEachOnce() throws Exception {
        Tenant a = registerTenant();
        Instant t0 = now();
        callsOf(a, t0);

        assertThat(field(items(get(a, "/api/v1/audit?statusClass=4xx", 200)), "correlationId")).containsExactly("a-2");
        assertThat(field(items(get(a, "/api/v1/audit?operation=ksef.session.status", 200)), "correlationId"))
                .containsExactly("a-3");
        assertThat(field(items(get(a, "/api/v1/audit?from=" + t0.plusSeconds(1) + "&to=" + t0.plusSeconds(2)
                + "&contextNip=" + a.nip() + "&integrationId=" + INTEGRATION + "&eventType=KsefCallRecorded", 200)),
                "correlationId")).containsExactly("a-2");
        Map<String, Object> first = get(a, "/api/v1/audit?limit=2", 200);
        Map<String, Object> second = get(a, "/api/v1/audit?limit=2&cursor=" + first.get("nextCursor"), 200);
        assertThat(field(items(first), "correlationId")).containsExactly("a-3", "a-2");
        assertThat(field(items(second), "correlationId")).containsExactly("a-1");
        assertThat(second.get("nextCursor")).isNull();
    }

    @Test
    void anotherTenantsCursorGuessedOrForgedReadsNothingOfIt() throws Exception {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        List<String> aRows = callsOf(a, now());
        String aCursor = (String) get(a, "/api/v1/audit?limit=1", 200).get("nextCursor");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\n", "a1", a.id(),
                "2099-01-01T00:00:00Z", "~").getBytes(StandardCharsets.UTF_8));

        assertThat(get(b, "/api/v1/audit?cursor=" + aCursor, 404)).containsEntry("type", "https://ksef-platform.dev/problems/cursor-not-found")
                .containsEntry("parameter", "cursor");
        assertThat(get(b, "/api/v1/audit?cursor=" + forged, 404)).containsEntry("type", "https://ksef-platform.dev/problems/cursor-not-found");
        assertThat(field(items(get(b, "/api/v1/audit?limit=500", 200)), "correlationId"))
                .doesNotContainAnyElementsOf(aRows);
        assertThat(get(b, "/api/v1/audit?tenantId=" + a.id(), 400)).containsEntry("parameter", "tenantId");
    }

    @Test
    void badFiltersAndCursorsAreProblemsNamingTheParameter() {
        Tenant a = registerTenant();
        String operatorsCursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                String.join("\n", "x1", "*", "2099-01-01T00:00:00Z", "e").getBytes(StandardCharsets.UTF_8));
        Map<String, String> bad = Map.of("from=yesterday", "from", "statusClass=6xx", "statusClass",
                "contextNip=123", "contextNip", "limit=501", "limit", "cursor=" + operatorsCursor, "cursor",
                "to=2026-01-01T00:00:00Z&from=2026-01-02T00:00:00Z", "to", "since=2026-01-01", "since");
        bad.forEach((query, parameter) -> {
            Map<String, Object> problem = get(a, "/api/v1/audit?" + query, 400);
            assertThat(problem).containsEntry("type", PROBLEMS + "invalid-request").containsEntry("parameter", parameter);
        });
        client.get().uri("/api/v1/audit").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aStaffRowNamesTheOperatorAndTheTenantForTheTenantAndForOperators() throws Exception {
        Tenant a = registerTenant();
        callsOf(a, now());

        Map<String, Object> tenantsRow = items(get(a, "/api/v1/audit?statusClass=4xx", 200)).get(0);
        Map<String, Object> operatorsRow = items(admin("/admin/v1/audit?tenantId=" + a.id() + "&statusClass=4xx", 200)).get(0);

        for (Map<String, Object> row : List.of(tenantsRow, operatorsRow)) {
            assertThat(row).containsEntry("tenantId", a.id()).containsEntry("correlationId", "a-2");
            assertThat(row.get("actor")).isEqualTo(Map.of("type", "STAFF", "id", "operator-anna", "onBehalfOf", a.id()));
        }
        assertThat(items(get(a, "/api/v1/audit?operation=ksef.session.status", 200)).get(0).get("actor"))
                .isEqualTo(Map.of("type", "TENANT", "id", "key-a"));
    }

    @Test
    void operatorsListEveryTenantFilteredByTenantOperationStatusAndTime() throws Exception {
        Tenant a = registerTenant();
        Tenant b = registerTenant();
        Instant t0 = now();
        List<String> aRows = callsOf(a, t0);
        EVENTS.call(b.id(), "b-1", t0.plusMillis(1500), Call.send(b.nip(), INTEGRATION, 503), AuditEvents.tenant("key-b"));
        awaitRows(b, 1);
        String window = "from=" + t0 + "&to=" + t0.plusSeconds(3);

        List<Map<String, Object>> both = items(admin("/admin/v1/audit?limit=500&" + window, 200));
        assertThat(both.stream().filter(row -> List.of(a.id(), b.id()).contains(row.get("tenantId")))
                .map(row -> row.get("tenantId") + "/" + row.get("correlationId")))
                .containsExactly(a.id() + "/a-3", b.id() + "/b-1", a.id() + "/a-2", a.id() + "/a-1");
        assertThat(field(items(admin("/admin/v1/audit?tenantId=" + a.id(), 200)), "correlationId"))
                .containsExactlyElementsOf(aRows);
        assertThat(field(items(admin("/admin/v1/audit?tenantId=" + b.id() + "&statusClass=5xx"
                + "&operation=ksef.session.invoice.send&" + window, 200)), "correlationId")).containsExactly("b-1");
        Map<String, Object> first = admin("/admin/v1/audit?limit=1&tenantId=" + a.id(), 200);
        assertThat(field(items(admin("/admin/v1/audit?limit=5&tenantId=" + a.id() + "&cursor=" + first.get("nextCursor"),
                200)), "correlationId")).containsExactly("a-2", "a-1");
    }

    @Test
    void theOperatorsViewWantsTheAdminTokenNotATenantsKey() {
        Tenant a = registerTenant();
        client.get().uri("/admin/v1/audit").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/admin/v1/audit").header(HttpHeaders.AUTHORIZATION, "Bearer " + a.apiKey())
                .header("X-API-Key", a.apiKey()).exchange().expectStatus().isUnauthorized();
        assertThat(admin("/admin/v1/audit?statusClass=2XX", 400)).containsEntry("parameter", "statusClass");
    }

    @Test
    void theOpenApiDocumentDescribesBothListings() {
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/audit'].get.parameters[?(@.name == 'statusClass')]").exists()
                .jsonPath("$.paths['/api/v1/audit'].get.responses['503']").exists()
                .jsonPath("$.paths['/admin/v1/audit'].get.parameters[?(@.name == 'tenantId')]").exists()
                .jsonPath("$.components.schemas.Actor.properties.onBehalfOf").exists();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The listings' parameters as the document described them when each controller carried its own annotations
     * (saved from that build): generated now from the one definition, they are the same, in the same order.
     */
    @Test
    void bothListingsParametersAreDocumentedAsBeforeFromTheirOneDefinition() throws Exception {
        String doc = client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        JsonNode paths = JSON.readTree(doc).path("paths");
        ObjectNode parameters = JSON.createObjectNode();
        for (String path : List.of("/api/v1/audit", "/admin/v1/audit")) {
            parameters.set(path, paths.path(path).path("get").path("parameters"));
        }

        JSONAssert.assertEquals(new String(getClass().getResourceAsStream("/openapi/audit-listing-parameters.json")
                .readAllBytes(), StandardCharsets.UTF_8), parameters.toString(), JSONCompareMode.STRICT);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static ConfigurableApplicationContext startAuditProjector() {
        List<String> args = new ArrayList<>();
        EmbeddedPostgres.get().springProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--spring.kafka.bootstrap-servers=" + EmbeddedKafka.get().bootstrapServers());
        args.add("--server.port=0");
        args.add("--audit.security.callers.command-api=" + AUDIT_TOKEN);
        return AuditProjectorApplication.builder().run(args.toArray(String[]::new));
    }

    /** a-1 by the tenant's key, a-2 (429) by an operator acting for it, a-3 a run of 5 polls; newest first. */
    private List<String> callsOf(Tenant tenant, Instant t0) throws Exception {
        EVENTS.call(tenant.id(), "a-1", t0, Call.send(tenant.nip(), INTEGRATION, 201), AuditEvents.tenant("key-a"));
        EVENTS.call(tenant.id(), "a-2", t0.plusSeconds(1), Call.send(tenant.nip(), INTEGRATION, 429),
                AuditEvents.staff("operator-anna", tenant.id()));
        EVENTS.call(tenant.id(), "a-3", t0.plusSeconds(2), Call.polls(tenant.nip(), INTEGRATION, 5),
                AuditEvents.tenant("key-a"));
        awaitRows(tenant, 3);
        return List.of("a-3", "a-2", "a-1");
    }

    private void awaitRows(Tenant tenant, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (items(get(tenant, "/api/v1/audit?limit=500", 200)).size() < rows) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("audit-projector did not fold " + rows + " rows of " + tenant.id());
            }
            Thread.sleep(100);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private Map<String, Object> get(Tenant tenant, String uri, int status) {
        return client.get().uri(uri).header("X-API-Key", tenant.apiKey()).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    private Map<String, Object> admin(String uri, int status) {
        return client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
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

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<Object> field(List<Map<String, Object>> items, String name) {
        return items.stream().map(item -> item.get(name)).toList();
    }

    record Tenant(String id, String nip, String apiKey) {
    }
}
