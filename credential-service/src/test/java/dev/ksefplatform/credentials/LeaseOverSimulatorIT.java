package dev.ksefplatform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.schemas.logging.LogScope;
import dev.ksefplatform.testsupport.CapturedLogs;
import dev.ksefplatform.credentials.support.CredentialServiceHarness;
import dev.ksefplatform.credentials.support.Nips;
import dev.ksefplatform.credentials.support.Simulator;
import dev.ksefplatform.credentials.support.TestCertificates;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.IntegrationStatusChanged;
import dev.ksefplatform.schemas.v1.IntegrationVerified;
import dev.ksefplatform.schemas.v1.KsefCallRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Verification, leases and the token lifecycle against the real KSeF simulator, PostgreSQL and Kafka. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaseOverSimulatorIT {

    private static CapturedLogs logs;
    private static Simulator ksef;
    private static CredentialServiceHarness service;
    /** Every secret and token this class saw; none may surface in logs, responses or events. */
    private static final List<String> planted = new CopyOnWriteArrayList<>();
    private static final List<String> responses = new CopyOnWriteArrayList<>();
    private static final Map<String, String> tokensByTenant = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        ksef = new Simulator();
        service = new CredentialServiceHarness(ksef.baseUrl() + "/v2");
        // after startup: Spring Boot re-initialises Logback while a context starts, dropping foreign appenders
        logs = CapturedLogs.attach();
    }

    @AfterAll
    static void stop() {
        service.close();
        ksef.close();
        logs.close();
    }

    private record Tenant(String tenantId, String nip, String integrationId) {
    }

    private static Tenant registered(List<String> grantedInKsef, List<String> requestedScopes) {
        String tenantId = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        String token = ksef.issueKsefToken(nip, grantedInKsef);
        planted.add(token);
        tokensByTenant.put(tenantId, token);
        planted.add(token.substring(token.lastIndexOf('|') + 1));
        service.vouch(tenantId, nip);
        Map<?, ?> body = admin().post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "environment", "TEST", "taxpayerNip", nip,
                        "providerNip", Nips.random(), "scopes", requestedScopes,
                        "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        responses.add(body.toString());
        return new Tenant(tenantId, nip, (String) body.get("integrationId"));
    }

    private static Map<?, ?> verify(Tenant tenant) {
        Map<?, ?> body = admin().post().uri("/admin/v1/integrations/{id}/verify", tenant.integrationId())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        responses.add(body.toString());
        return body;
    }

    private static WebTestClient.ResponseSpec lease(String tenantId, String nip, String purpose) {
        return service.client(CredentialServiceHarness.WORKER).post().uri("/internal/v1/leases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "environment", "TEST", "contextNip", nip, "purpose", purpose))
                .exchange();
    }

    private static Map<?, ?> granted(Tenant tenant, String purpose) {
        Map<?, ?> body = lease(tenant.tenantId(), tenant.nip(), purpose).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        planted.add((String) body.get("accessToken"));
        return body;
    }

    private static WebTestClient admin() {
        return service.client(CredentialServiceHarness.ADMIN);
    }

    @Test
    void verifiesAnIntegrationWhoseTokenCarriesEveryScopeAndLeasesAWorkingAccessToken() {
        Tenant tenant = registered(List.of("InvoiceWrite", "InvoiceRead"), List.of("InvoiceWrite", "InvoiceRead"));

        Map<?, ?> verified = verify(tenant);
        Map<?, ?> lease = granted(tenant, "InvoiceWrite");

        assertThat(verified.get("status")).isEqualTo("ACTIVE");
        assertThat(List.copyOf((List<?>) verified.get("scopes")).stream().map(String::valueOf).toList()).containsExactlyInAnyOrder("InvoiceWrite", "InvoiceRead");
        assertThat(Instant.parse((String) lease.get("validUntil"))).isAfter(Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(lease.get("integrationId")).isEqualTo(tenant.integrationId());
        assertThat((String) lease.get("providerNip")).matches("\\d{10}");
        // the leased token acts in the taxpayer's context at KSeF
        WebTestClient.bindToServer().baseUrl(ksef.baseUrl()).build().get()
                .uri("/v2/tokens/{ref}", "does-not-exist")
                .header("Authorization", "Bearer " + lease.get("accessToken"))
                .exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(401));
        List<ConsumerRecord<String, EventEnvelope>> events = service.eventsOf(tenant.tenantId(),
                l -> l.stream().anyMatch(r -> r.value().getPayload() instanceof IntegrationVerified));
        assertThat(events).extracting(r -> r.value().getPayload()).hasAtLeastOneElementOfType(IntegrationVerified.class);
    }

    @Test
    void everyLineOfARegistrationVerificationLeaseRefusalAndRotationCarriesTheTenantIntegrationAndCommandIds() {
        List<CapturedLogs.Entry> lines;
        Tenant tenant;
        try (CapturedLogs captured = CapturedLogs.attach()) {
            tenant = registered(List.of("InvoiceWrite"), List.of("InvoiceWrite"));
            verify(tenant);
            service.client(CredentialServiceHarness.WORKER).post().uri("/internal/v1/leases")
                    .contentType(MediaType.APPLICATION_JSON).header("X-Correlation-Id", "correlation-logs-1")
                    .header("X-Causation-Id", "command-logs-1").bodyValue(Map.of("tenantId", tenant.tenantId(),
                            "environment", "TEST", "contextNip", tenant.nip(), "purpose", "InvoiceWrite"))
                    .exchange().expectStatus().isOk();
            service.client(CredentialServiceHarness.WORKER).post().uri("/internal/v1/leases")
                    .contentType(MediaType.APPLICATION_JSON).header("X-Correlation-Id", "correlation-logs-2")
                    .header("X-Causation-Id", "command-logs-2").bodyValue(Map.of("tenantId", tenant.tenantId(),
                            "environment", "TEST", "contextNip", tenant.nip(), "purpose", "InvoiceRead"))
                    .exchange().expectStatus().isForbidden();
            String newToken = ksef.issueKsefToken(tenant.nip(), List.of("InvoiceWrite"));
            planted.add(newToken);
            admin().post().uri("/admin/v1/integrations/{id}/secret", tenant.integrationId())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("credential", Map.of("type", "KSEF_TOKEN", "ksefToken", newToken)))
                    .exchange().expectStatus().isOk();
            lines = captured.entries();
        }

        List<CapturedLogs.Entry> action = lines.stream().filter(l -> l.logger().startsWith("dev.ksefplatform")
                && (tenant.tenantId().equals(l.mdc().get(LogScope.TENANT)) || l.message().contains(tenant.tenantId())
                || l.message().contains(tenant.integrationId()))).toList();
        assertThat(action).extracting(CapturedLogs.Entry::message).anyMatch(m -> m.startsWith("integration registered"))
                .anyMatch(m -> m.startsWith("integration verified")).anyMatch(m -> m.startsWith("credential lease granted"))
                .anyMatch(m -> m.startsWith("credential lease denied")).anyMatch(m -> m.startsWith("integration secret rotated"));
        assertThat(action).allSatisfy(l -> assertThat(l.mdc()).as(l.message())
                .containsEntry(LogScope.TENANT, tenant.tenantId()).containsEntry(LogScope.INTEGRATION, tenant.integrationId()));
        assertThat(action).filteredOn(l -> l.message().startsWith("credential lease granted")).singleElement()
                .satisfies(l -> assertThat(l.mdc()).containsEntry(LogScope.COMMAND, "command-logs-1")
                        .containsEntry(LogScope.CORRELATION, "correlation-logs-1")
                        .containsEntry(LogScope.KSEF_CONTEXT, "TEST/" + tenant.nip()));
        assertThat(action).filteredOn(l -> l.message().startsWith("credential lease denied")).singleElement()
                .satisfies(l -> assertThat(l.mdc()).containsEntry(LogScope.COMMAND, "command-logs-2")
                        .containsEntry(LogScope.CORRELATION, "correlation-logs-2"));
        assertThat(lines).allSatisfy(l -> assertThat(String.join(" ", l.mdc().values()) + l.message())
                .doesNotContain(tokensByTenant.get(tenant.tenantId())));
    }

    @Test
    void verificationFailsWithAnActionableReasonWhenKsefLacksARequestedScope() {
        Tenant tenant = registered(List.of("InvoiceRead"), List.of("InvoiceWrite", "InvoiceRead"));

        Map<?, ?> verified = verify(tenant);

        assertThat(verified.get("status")).isEqualTo("ERROR");
        assertThat((String) verified.get("reason")).contains("permission not found").contains("InvoiceWrite");
        lease(tenant.tenantId(), tenant.nip(), "InvoiceRead").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/integration-not-active");
    }

    @Test
    void refusesAPurposeOutsideTheIntegrationsScopes() {
        Tenant tenant = registered(List.of("InvoiceWrite", "InvoiceRead"), List.of("InvoiceRead"));
        verify(tenant);

        lease(tenant.tenantId(), tenant.nip(), "InvoiceWrite").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/scope-not-granted");
    }

    @Test
    void anotherTenantNeverGetsATokenForAVerifiedContext() {
        Tenant owner = registered(List.of("InvoiceWrite"), List.of("InvoiceWrite"));
        verify(owner);

        byte[] body = lease("tenant-" + UUID.randomUUID(), owner.nip(), "InvoiceWrite").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/tenant-violation")
                .returnResult().getResponseBody();

        responses.add(new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void concurrentLeasesForOneContextShareOneKsefLogin() {
        Tenant tenant = registered(List.of("InvoiceWrite"), List.of("InvoiceWrite"));
        verify(tenant);
        service.context().getBean(AccessTokens.class).forgetIntegration(tenant.integrationId());

        List<CompletableFuture<String>> leases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            leases.add(CompletableFuture.supplyAsync(() -> (String) granted(tenant, "InvoiceWrite").get("accessToken")));
        }
        Set<String> tokens = new HashSet<>();
        leases.forEach(lease -> tokens.add(lease.join()));

        assertThat(tokens).hasSize(1);
    }

    @Test
    void aRotatedSecretDropsTheCachedTokensAndNeedsVerificationAgain() {
        Tenant tenant = registered(List.of("InvoiceWrite"), List.of("InvoiceWrite"));
        verify(tenant);
        String before = (String) granted(tenant, "InvoiceWrite").get("accessToken");
        String newToken = ksef.issueKsefToken(tenant.nip(), List.of("InvoiceWrite"));
        planted.add(newToken);

        admin().post().uri("/admin/v1/integrations/{id}/secret", tenant.integrationId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("credential", Map.of("type", "KSEF_TOKEN", "ksefToken", newToken)))
                .exchange().expectStatus().isOk();
        lease(tenant.tenantId(), tenant.nip(), "InvoiceWrite").expectStatus().isForbidden();
        verify(tenant);
        String after = (String) granted(tenant, "InvoiceWrite").get("accessToken");

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void anIntegrationShowsWhenItWasLastUsedToTheMinuteAndWhenItsSecretWasRotated() {
        Tenant tenant = registered(List.of("InvoiceWrite"), List.of("InvoiceWrite"));
        verify(tenant);
        Map<?, ?> unused = integration(tenant);
        Instant before = Instant.now();
        granted(tenant, "InvoiceWrite");
        Map<?, ?> used = integration(tenant);
        granted(tenant, "InvoiceWrite");
        Map<?, ?> usedAgain = integration(tenant);
        lease(tenant.tenantId(), tenant.nip(), "InvoiceRead").expectStatus().isForbidden();
        Map<?, ?> afterDenial = integration(tenant);
        String newToken = ksef.issueKsefToken(tenant.nip(), List.of("InvoiceWrite"));
        planted.add(newToken);
        admin().post().uri("/admin/v1/integrations/{id}/secret", tenant.integrationId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("credential", Map.of("type", "KSEF_TOKEN", "ksefToken", newToken)))
                .exchange().expectStatus().isOk();
        Map<?, ?> rotated = integration(tenant);

        assertThat(unused.get("lastUsedAt")).isNull();
        assertThat(unused.get("rotatedAt")).isNull();
        assertThat(Instant.parse((String) used.get("lastUsedAt"))).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(usedAgain.get("lastUsedAt")).as("written at most once a minute").isEqualTo(used.get("lastUsedAt"));
        assertThat(afterDenial.get("lastUsedAt")).isEqualTo(used.get("lastUsedAt"));
        assertThat(Instant.parse((String) rotated.get("rotatedAt"))).isEqualTo(Instant.parse((String) rotated.get("updatedAt")));
        assertThat(rotated.get("lastUsedAt")).isEqualTo(used.get("lastUsedAt"));
        assertThat(leaseRows(tenant.integrationId())).as("no row beside the leases' own").isEqualTo(3);
    }

    private static Map<?, ?> integration(Tenant tenant) {
        return admin().get().uri("/admin/v1/integrations/{id}", tenant.integrationId()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static long leaseRows(String integrationId) {
        return service.context().getBean(org.springframework.r2dbc.core.DatabaseClient.class)
                .sql("SELECT count(*) AS n FROM credentials.leases WHERE integration_id = :id")
                .bind("id", UUID.fromString(integrationId)).map(row -> row.get("n", Long.class)).one().block();
    }

    @Test
    void aTokenRevokedInKsefExpiresTheIntegrationWithAnActionableReasonAndLeasesAreRefused() {
        Tenant tenant = registered(List.of("InvoiceWrite"), List.of("InvoiceWrite"));
        verify(tenant);
        String accessToken = (String) granted(tenant, "InvoiceWrite").get("accessToken");
        WebTestClient.bindToServer().baseUrl(ksef.baseUrl()).build().delete()
                .uri("/v2/tokens/{ref}", ksefTokenReference(tenant))
                .header("Authorization", "Bearer " + accessToken).exchange().expectStatus().is2xxSuccessful();
        service.context().getBean(AccessTokens.class).forgetIntegration(tenant.integrationId());

        lease(tenant.tenantId(), tenant.nip(), "InvoiceWrite").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/integration-not-active");
        Map<?, ?> integration = admin().get().uri("/admin/v1/integrations/{id}", tenant.integrationId()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        responses.add(integration.toString());

        assertThat(integration.get("status")).isEqualTo("EXPIRED");
        assertThat((String) integration.get("reason")).contains("450").contains("generate a new KSeF token")
                .contains(tenant.nip()).contains("rotate the integration's secret");
        List<ConsumerRecord<String, EventEnvelope>> events = service.eventsOf(tenant.tenantId(),
                l -> l.stream().anyMatch(StatusEvents::expired));
        assertThat(events).anyMatch(StatusEvents::expired);
    }

    @Test
    void verifyingAnIntegrationWhoseTokenWasRevokedInKsefExpiresIt() {
        Tenant tenant = registered(List.of("InvoiceWrite"), List.of("InvoiceWrite"));
        verify(tenant);
        String accessToken = (String) granted(tenant, "InvoiceWrite").get("accessToken");
        WebTestClient.bindToServer().baseUrl(ksef.baseUrl()).build().delete()
                .uri("/v2/tokens/{ref}", ksefTokenReference(tenant))
                .header("Authorization", "Bearer " + accessToken).exchange().expectStatus().is2xxSuccessful();

        Map<?, ?> verified = verify(tenant);

        assertThat(verified.get("status")).isEqualTo("EXPIRED");
        assertThat((String) verified.get("reason")).contains("generate a new KSeF token");
        lease(tenant.tenantId(), tenant.nip(), "InvoiceWrite").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/integration-not-active");
    }

    /** An {@code IntegrationStatusChanged} event to EXPIRED. */
    private static final class StatusEvents {
        static boolean expired(ConsumerRecord<String, EventEnvelope> record) {
            return record.value().getPayload() instanceof IntegrationStatusChanged changed
                    && "EXPIRED".equals(changed.getToStatus()) && changed.getReason() != null
                    && changed.getReason().contains("generate a new KSeF token");
        }
    }

    @Test
    void verifiesACertificateCredentialByXadesLoginAndLeasesTokensSignedWithIt() {
        String nip = Nips.random();
        String password = "p12-" + UUID.randomUUID();
        planted.add(password);
        Tenant tenant = registeredCertificate(nip, TestCertificates.pkcs12Base64(nip, password), password);

        Map<?, ?> verified = verify(tenant);
        service.context().getBean(AccessTokens.class).forgetIntegration(tenant.integrationId());
        Map<?, ?> lease = granted(tenant, "InvoiceWrite");

        assertThat(verified.get("status")).isEqualTo("ACTIVE");
        assertThat(Instant.parse((String) lease.get("validUntil"))).isAfter(Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(lease.get("integrationId")).isEqualTo(tenant.integrationId());
        assertThat((String) lease.get("providerNip")).matches("\\d{10}");
        WebTestClient.bindToServer().baseUrl(ksef.baseUrl()).build().post()
                .uri("/v2/permissions/query/personal/grants?pageSize=10").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).header("Authorization", "Bearer " + lease.get("accessToken"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aCertificateWithoutPermissionsInTheContextEndsVerificationInError() {
        String nip = Nips.random();
        String stranger = Nips.random();
        Tenant tenant = registeredCertificate(nip, TestCertificates.pkcs12Base64(stranger, "pw-123"), "pw-123");

        Map<?, ?> verified = verify(tenant);

        assertThat(verified.get("status")).isEqualTo("ERROR");
        assertThat((String) verified.get("reason")).contains("415").contains(nip);
    }

    private static Tenant registeredCertificate(String nip, String pkcs12, String password) {
        String tenantId = "tenant-" + UUID.randomUUID();
        planted.add(pkcs12.substring(0, 60));
        service.vouch(tenantId, nip);
        Map<?, ?> body = admin().post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "environment", "TEST", "taxpayerNip", nip,
                        "providerNip", Nips.random(), "scopes", List.of("InvoiceWrite", "InvoiceRead"),
                        "credential", Map.of("type", "CERTIFICATE", "pkcs12", pkcs12, "password", password)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        responses.add(body.toString());
        return new Tenant(tenantId, nip, (String) body.get("integrationId"));
    }

    private static String ksefTokenReference(Tenant tenant) {
        return tokensByTenant.get(tenant.tenantId()).substring(0, tokensByTenant.get(tenant.tenantId()).indexOf('|'));
    }

    private static final List<String> LOGIN = List.of("POST /auth/challenge", "POST /auth/ksef-token",
            "GET /auth/{id}", "POST /auth/token/redeem");

    @Test
    void everyKsefCallOfVerificationsAndLeasesIsOneAuditEventNamingTheIntegrationItsCauseAndNoSecret() {
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tenants.add(registered(List.of("InvoiceWrite"), List.of("InvoiceWrite")));
        }
        verify(tenants.get(0));
        verify(tenants.get(2));
        Tenant byStaff = tenants.get(1);
        service.client(CredentialServiceHarness.OTHER_CALLER).post()
                .uri("/internal/v1/tenants/{t}/integrations/{id}/verify", byStaff.tenantId(), byStaff.integrationId())
                .header("X-Actor-Type", "STAFF").header("X-Actor-Id", "operator-7")
                .header("X-Correlation-Id", "console-request-1")
                .exchange().expectStatus().isOk();
        Tenant leased = tenants.get(0);
        service.context().getBean(AccessTokens.class).forgetIntegration(leased.integrationId());
        String commandId = UUID.randomUUID().toString();
        String accessToken = (String) service.client(CredentialServiceHarness.WORKER).post().uri("/internal/v1/leases")
                .contentType(MediaType.APPLICATION_JSON).header("X-Correlation-Id", "flow-" + commandId)
                .header("X-Causation-Id", commandId)
                .bodyValue(Map.of("tenantId", leased.tenantId(), "environment", "TEST", "contextNip", leased.nip(),
                        "purpose", "InvoiceWrite"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("accessToken");
        planted.add(accessToken);

        List<String> verification = new ArrayList<>(LOGIN);
        verification.addAll(List.of("GET /tokens/{id}", "POST /permissions/query/personal/grants"));
        for (Tenant tenant : tenants) {
            List<String> expected = new ArrayList<>(verification);
            if (tenant == leased) {
                expected.addAll(LOGIN);
            }
            List<EventEnvelope> calls = callEvents(tenant, expected.size());
            long seenByKsef = simulatorRequests(tenant.nip());
            List<String> made = calls.stream().map(e -> (KsefCallRecorded) e.getPayload())
                    .map(c -> c.getMethod() + " " + c.getEndpoint()).toList();
            assertThat(made).as(tenant.nip()).filteredOn(call -> !call.contains("/auth/sessions"))
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(calls).allSatisfy(event -> {
                assertThat(event.getAudit().getOperation()).isEqualTo("ksef.call");
                assertThat(event.getAudit().getTenantNip()).isEqualTo(tenant.nip());
                assertThat(event.getAudit().getIntegrationId()).isEqualTo(tenant.integrationId());
                assertThat(event.getAudit().getProviderNip()).matches("\\d{10}");
                assertThat(event.getAudit().getHttpStatus()).isBetween(200, 299);
                assertThat(event.getAudit().getDurationMillis()).isNotNull().isNotNegative();
                assertThat(event.getTenantId()).isEqualTo(tenant.tenantId());
                assertThat(((KsefCallRecorded) event.getPayload()).getCalls()).isPositive();
                String text = event.toString();
                assertThat(text).doesNotContain(tokensByTenant.get(tenant.tenantId()))
                        .doesNotContain(accessToken).doesNotContain("eyJ");
            });
            assertThat(authenticatedCalls(calls)).as("the simulator's own count of calls with an access token")
                    .isEqualTo(seenByKsef);
        }
        assertThat(callEvents(tenants.get(2), verification.size())).allSatisfy(event ->
                assertCause(event, "STAFF", "admin", null, event.getMessageId(), null));
        assertThat(callEvents(byStaff, verification.size())).allSatisfy(event ->
                assertCause(event, "STAFF", "operator-7", byStaff.tenantId(), "console-request-1", null));
        List<EventEnvelope> ofLeased = callEvents(leased, verification.size() + LOGIN.size());
        assertThat(ofLeased).filteredOn(e -> e.getAudit().getActor().getType().equals("SYSTEM"))
                .allSatisfy(event -> assertCause(event, "SYSTEM", "tenant-worker", null, "flow-" + commandId, commandId))
                .extracting(e -> ((KsefCallRecorded) e.getPayload()).getEndpoint())
                .filteredOn(endpoint -> !endpoint.startsWith("/auth/sessions"))
                .containsExactlyInAnyOrderElementsOf(LOGIN.stream().map(call -> call.substring(call.indexOf(' ') + 1))
                        .toList());
        assertThat(service.eventsOf(byStaff.tenantId(), l -> l.stream()
                        .anyMatch(r -> r.value().getPayload() instanceof IntegrationVerified)))
                .map(ConsumerRecord::value).filteredOn(e -> e.getPayload() instanceof IntegrationVerified)
                .singleElement().satisfies(event ->
                        assertCause(event, "STAFF", "operator-7", byStaff.tenantId(), "console-request-1", null));
    }

    private static void assertCause(EventEnvelope event, String actorType, String actorId, String onBehalfOf,
                                    String correlationId, String causationId) {
        assertThat(event.getAudit().getActor().getType()).isEqualTo(actorType);
        assertThat(event.getAudit().getActor().getId()).isEqualTo(actorId);
        assertThat(event.getAudit().getActor().getOnBehalfOf()).isEqualTo(onBehalfOf);
        assertThat(event.getCorrelationId()).isEqualTo(correlationId);
        assertThat(event.getCausationId()).isEqualTo(causationId);
    }

    /**
     * The KsefCallRecorded events of a tenant, once there are at least {@code atLeast} and they account for every call
     * the simulator counted with an access token of the context (the stale-session sweep beside a lease runs late).
     */
    private static List<EventEnvelope> callEvents(Tenant tenant, int atLeast) {
        return service.eventsOf(tenant.tenantId(), l -> {
                    List<EventEnvelope> calls = l.stream().map(ConsumerRecord::value)
                            .filter(e -> e.getPayload() instanceof KsefCallRecorded).toList();
                    // the auth-session sweep's calls come at any time and are not among those expected: not counted
                    long expected = calls.stream().map(e -> ((KsefCallRecorded) e.getPayload()).getEndpoint())
                            .filter(endpoint -> !endpoint.startsWith("/auth/sessions")).count();
                    return expected >= atLeast && authenticatedCalls(calls) == simulatorRequests(tenant.nip());
                })
                .stream().map(ConsumerRecord::value).filter(e -> e.getPayload() instanceof KsefCallRecorded).toList();
    }

    private static long authenticatedCalls(List<EventEnvelope> calls) {
        return calls.stream().map(e -> (KsefCallRecorded) e.getPayload())
                .filter(c -> !c.getEndpoint().startsWith("/auth/") || c.getEndpoint().startsWith("/auth/sessions"))
                .mapToLong(KsefCallRecorded::getCalls).sum();
    }

    private static long simulatorRequests(String nip) {
        Map<?, ?> stats = WebTestClient.bindToServer().baseUrl(ksef.baseUrl()).build().get()
                .uri("/sim/v1/stats?contextNip={nip}", nip).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> context = (Map<?, ?>) ((Map<?, ?>) stats.get("contexts")).get(nip);
        return context == null ? 0 : ((Number) context.get("requests")).longValue();
    }

    /** Runs last: checks what every other test of this class produced, after one more full lifecycle. */
    @Test
    @Order(Integer.MAX_VALUE)
    void secretsAndTokensNeverAppearInLogsResponsesOrEvents() {
        Tenant tenant = registered(List.of("InvoiceWrite"), List.of("InvoiceWrite"));
        verify(tenant);
        granted(tenant, "InvoiceWrite");
        lease("tenant-" + UUID.randomUUID(), tenant.nip(), "InvoiceWrite").expectStatus().isForbidden();
        admin().post().uri("/admin/v1/integrations/{id}/revoke", tenant.integrationId()).exchange().expectStatus().isOk();
        List<String> events = service.eventsOf(tenant.tenantId(), l -> l.size() >= 3).stream()
                .map(r -> r.value().toString()).toList();

        assertThat(logs.lines()).as("captured log lines").isNotEmpty();
        for (String secret : planted) {
            assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
            assertThat(responses).noneMatch(response -> response.contains(secret));
            assertThat(events).noneMatch(event -> event.contains(secret));
        }
    }
}
