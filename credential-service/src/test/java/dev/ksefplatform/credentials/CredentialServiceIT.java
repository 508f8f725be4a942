package dev.ksefplatform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.support.CredentialServiceHarness;
import dev.ksefplatform.credentials.support.Nips;
import dev.ksefplatform.credentials.support.TestCertificates;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.v1.CredentialLeaseDenied;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.IntegrationRegistered;
import dev.ksefplatform.schemas.v1.IntegrationRevoked;
import dev.ksefplatform.schemas.v1.IntegrationStatusChanged;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The admin API, authentication and the lease checks over real PostgreSQL and Kafka. KSeF is an
 * unreachable address here: everything that needs a login belongs to {@code LeaseOverSimulatorIT}.
 */
class CredentialServiceIT {

    private static CredentialServiceHarness service;

    @BeforeAll
    static void start() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        service = new CredentialServiceHarness("http://localhost:" + closedPort + "/v2");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Map<String, Object> registration(String tenantId, String nip, String token) {
        return Map.of("tenantId", tenantId, "environment", "TEST", "taxpayerNip", nip, "providerNip", Nips.random(),
                "scopes", List.of("InvoiceWrite", "InvoiceRead"),
                "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token));
    }

    private static String register(String tenantId, String nip, String token) {
        service.vouch(tenantId, nip);
        Map<?, ?> body = service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/integrations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(registration(tenantId, nip, token))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body.get("status")).isEqualTo("PENDING");
        return (String) body.get("integrationId");
    }

    private static WebTestClient.ResponseSpec lease(String bearer, String tenantId, String nip, String purpose) {
        return service.client(bearer).post().uri("/internal/v1/leases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "environment", "TEST", "contextNip", nip, "purpose", purpose))
                .exchange();
    }

    @Test
    void registersAnIntegrationAsPendingWithoutEchoingTheSecretAndPublishesIt() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        String token = "20261122-EC-" + UUID.randomUUID() + "|nip-" + nip + "|s3cr3t-material";
        service.vouch(tenant, nip);

        byte[] body = service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/integrations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(registration(tenant, nip, token))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/admin/v1/integrations/.+")
                .expectBody().jsonPath("$.integrationId").isNotEmpty()
                .jsonPath("$.status").isEqualTo("PENDING")
                .jsonPath("$.taxpayerNip").isEqualTo(nip)
                .returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("s3cr3t-material");
        List<ConsumerRecord<String, EventEnvelope>> events = service.eventsOf(tenant, l -> !l.isEmpty());
        assertThat(events).singleElement().satisfies(record -> {
            assertThat(record.value().getPayload()).isInstanceOf(IntegrationRegistered.class);
            assertThat(MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_TYPE)).contains("IntegrationRegistered");
            assertThat(MessageHeaders.get(record.headers(), MessageHeaders.TENANT_ID)).contains(tenant);
            assertThat(record.value().toString()).doesNotContain("s3cr3t-material");
        });
        assertThat(storedSecretBytes(nip)).doesNotContain("s3cr3t-material").doesNotContain(nip);
    }

    @Test
    void refusesASecondRegistrationOfTheSameNipInTheEnvironment() {
        String nip = Nips.random();
        register("tenant-" + UUID.randomUUID(), nip, "ref-1|nip-" + nip + "|a");
        String second = "tenant-" + UUID.randomUUID();
        service.vouch(second, nip);

        service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/integrations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(registration(second, nip, "ref-2|nip-" + nip + "|b"))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/nip-already-registered");
    }

    @Test
    void rejectsAnInvalidNipWithAProblem() {
        service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/integrations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(registration("tenant-x", "1234567890", "ref|x|y"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/invalid-request");
    }

    @Test
    void requiresTheRightCallerForEachEndpoint() {
        service.client("not-a-token").get().uri("/admin/v1/integrations").exchange()
                .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        service.client(CredentialServiceHarness.WORKER).get().uri("/admin/v1/integrations").exchange()
                .expectStatus().isForbidden();
        lease(CredentialServiceHarness.ADMIN, "t", Nips.random(), "InvoiceWrite").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/forbidden");
        lease(CredentialServiceHarness.OTHER_CALLER, "t", Nips.random(), "InvoiceWrite").expectStatus().isForbidden();
        WebTestClient.bindToServer().baseUrl(baseUrl()).build().get().uri("/actuator/health").exchange()
                .expectStatus().isOk();
    }

    @Test
    void deniesALeaseForAnotherTenantsContextAsTenantViolationAndRecordsIt() throws Exception {
        String owner = "tenant-" + UUID.randomUUID();
        String intruder = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        register(owner, nip, "ref|nip-" + nip + "|x");
        double before = deniedCount("TENANT_VIOLATION");

        lease(CredentialServiceHarness.WORKER, intruder, nip, "InvoiceWrite")
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/tenant-violation")
                .jsonPath("$.accessToken").doesNotExist();

        List<ConsumerRecord<String, EventEnvelope>> events = service.eventsOf(intruder, l -> !l.isEmpty());
        assertThat(events).singleElement().satisfies(record -> {
            CredentialLeaseDenied denied = (CredentialLeaseDenied) record.value().getPayload();
            assertThat(denied.getReason()).isEqualTo("TENANT_VIOLATION");
            assertThat(denied.getContextNip()).isEqualTo(nip);
        });
        assertThat(deniedCount("TENANT_VIOLATION")).isEqualTo(before + 1);
        assertThat(leaseOutcomes(intruder)).containsExactly("DENIED:TENANT_VIOLATION");
    }

    @Test
    void deniesALeaseWhileTheIntegrationIsNotActive() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        register(tenant, nip, "ref|nip-" + nip + "|x");

        lease(CredentialServiceHarness.WORKER, tenant, nip, "InvoiceWrite")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/integration-not-active");
        assertThat(leaseOutcomes(tenant)).containsExactly("DENIED:INTEGRATION_NOT_ACTIVE");
    }

    @Test
    void verificationWhileKsefIsUnreachableIsRetryableAndLeavesTheStatusAlone() {
        String tenant = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        String id = register(tenant, nip, "ref|nip-" + nip + "|x");

        service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/integrations/{id}/verify", id)
                .exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/ksef-unavailable");
        service.client(CredentialServiceHarness.ADMIN).get().uri("/admin/v1/integrations/{id}", id)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PENDING");
    }

    @Test
    void disablesEnablesAndRevokesWithEventsAndRevokedIsFinal() {
        String tenant = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        String id = register(tenant, nip, "ref|nip-" + nip + "|x");
        WebTestClient admin = service.client(CredentialServiceHarness.ADMIN);

        admin.post().uri("/admin/v1/integrations/{id}/disable", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DISABLED");
        admin.post().uri("/admin/v1/integrations/{id}/enable", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PENDING");
        admin.post().uri("/admin/v1/integrations/{id}/revoke", id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REVOKED");
        admin.post().uri("/admin/v1/integrations/{id}/enable", id).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/illegal-status-transition");

        List<ConsumerRecord<String, EventEnvelope>> events = service.eventsOf(tenant, l -> l.size() >= 4);
        assertThat(events).extracting(r -> r.value().getPayload().getClass().getSimpleName())
                .containsExactly("IntegrationRegistered", "IntegrationStatusChanged", "IntegrationStatusChanged",
                        "IntegrationRevoked");
        assertThat(((IntegrationStatusChanged) events.get(1).value().getPayload()).getToStatus()).isEqualTo("DISABLED");
        assertThat(((IntegrationRevoked) events.get(3).value().getPayload()).getIntegrationId()).isEqualTo(id);
        // a revoked integration frees its NIP for a new registration
        register("tenant-" + UUID.randomUUID(), nip, "ref-2|nip-" + nip + "|y");
    }

    @Test
    void rotatesTheSecretIntoANewEnvelopeAndRequiresVerificationAgain() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        String id = register(tenant, nip, "ref-1|nip-" + nip + "|first");
        byte[] before = storedSecretBytes(nip).getBytes(StandardCharsets.ISO_8859_1);

        service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/integrations/{id}/secret", id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("credential", Map.of("type", "KSEF_TOKEN", "ksefToken", "ref-2|nip-" + nip + "|second")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PENDING");

        assertThat(storedSecretBytes(nip).getBytes(StandardCharsets.ISO_8859_1)).isNotEqualTo(before);
        assertThat(service.eventsOf(tenant, l -> l.size() >= 2))
                .extracting(r -> r.value().getPayload().getClass().getSimpleName())
                .contains("IntegrationSecretRotated");
    }

    @Test
    void listsIntegrationsByTenantAndStatusWithPaging() {
        String tenant = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        WebTestClient admin = service.client(CredentialServiceHarness.ADMIN);
        for (int i = 0; i < 3; i++) {
            String id = register(tenant, nip, "ref|nip-" + nip + "|x");
            if (i < 2) {
                admin.post().uri("/admin/v1/integrations/{id}/revoke", id).exchange().expectStatus().isOk();
            }
        }

        admin.get().uri(u -> u.path("/admin/v1/integrations").queryParam("tenantId", tenant)
                        .queryParam("status", "REVOKED").queryParam("page", 0).queryParam("size", 2).build())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.items[0].tenantId").isEqualTo(tenant);
        admin.get().uri(u -> u.path("/admin/v1/integrations").queryParam("tenantId", tenant)
                        .queryParam("page", 1).queryParam("size", 2).build())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1);
        admin.get().uri(u -> u.path("/admin/v1/integrations").queryParam("tenantId", tenant)
                        .queryParam("status", "ACTIVE").build())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void storesACertificateCredentialSealedAndLeasesNothingBeforeVerification() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        String bundle = TestCertificates.pkcs12Base64(nip, "cert-pass-123");
        Map<String, Object> body = new java.util.HashMap<>(registration(tenant, nip, "unused"));
        body.put("credential", Map.of("type", "CERTIFICATE", "pkcs12", bundle, "password", "cert-pass-123"));
        WebTestClient admin = service.client(CredentialServiceHarness.ADMIN);
        service.vouch(tenant, nip);

        Map<?, ?> created = admin.post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(created.get("credentialType")).isEqualTo("CERTIFICATE");
        assertThat(created.toString()).doesNotContain("cert-pass-123").doesNotContain(bundle.substring(0, 40));
        assertThat(storedSecretBytes(nip)).doesNotContain("cert-pass-123");
        lease(CredentialServiceHarness.WORKER, tenant, nip, "InvoiceWrite").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/integration-not-active");
    }

    @Test
    void refusesACertificateBundleWithTheWrongPassword() {
        String nip = Nips.random();
        String tenant = "tenant-" + UUID.randomUUID();
        service.vouch(tenant, nip);
        Map<String, Object> body = new java.util.HashMap<>(registration(tenant, nip, "unused"));
        body.put("credential", Map.of("type", "CERTIFICATE", "pkcs12", TestCertificates.pkcs12Base64(nip, "right"),
                "password", "wrong"));

        service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/integrations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isBadRequest();
    }

    @Test
    void startsAMasterKeyRotationToAnExplicitVersionAndReportsItsProgress() {
        service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/vault/rotations")
                .exchange().expectStatus().isBadRequest();
        Map<?, ?> started = service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/vault/rotations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("targetVersion", 1))
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) started.get("rotationId");

        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20);
        Map<?, ?> progress;
        do {
            progress = service.client(CredentialServiceHarness.ADMIN).get().uri("/admin/v1/vault/rotations/{id}", id)
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        } while ("RUNNING".equals(progress.get("status")) && java.time.Instant.now().isBefore(deadline));

        assertThat(started.get("targetVersion")).isEqualTo(1);
        assertThat(progress.get("status")).isIn("COMPLETED", "COMPLETED_WITH_FAILURES");
        service.client(CredentialServiceHarness.ADMIN).get().uri("/admin/v1/vault/rotations/{id}", UUID.randomUUID())
                .exchange().expectStatus().isNotFound();
    }

    private static String baseUrl() {
        return "http://localhost:" + ((org.springframework.boot.web.context.WebServerApplicationContext) service.context())
                .getWebServer().getPort();
    }

    private static double deniedCount(String reason) {
        var counter = service.context().getBean(MeterRegistry.class).find("credentials.lease.denied")
                .tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> leaseOutcomes(String tenantId) throws Exception {
        try (Connection c = EmbeddedPostgres.get().connect();
             var statement = c.prepareStatement("SELECT outcome, reason FROM credentials.leases WHERE tenant_id = ?")) {
            statement.setString(1, tenantId);
            ResultSet rows = statement.executeQuery();
            List<String> outcomes = new java.util.ArrayList<>();
            while (rows.next()) {
                outcomes.add(rows.getString(1) + ":" + rows.getString(2));
            }
            return outcomes;
        }
    }

    /** The raw secret columns of the NIP's live integration, as Latin-1 text for substring checks. */
    private static String storedSecretBytes(String nip) throws Exception {
        try (Connection c = EmbeddedPostgres.get().connect();
             var statement = c.prepareStatement("SELECT s.wrapped_key, s.ciphertext FROM credentials.secrets s "
                     + "JOIN credentials.integrations i ON i.id = s.integration_id "
                     + "WHERE i.taxpayer_nip = ? AND i.status <> 'REVOKED'")) {
            statement.setString(1, nip);
            ResultSet rows = statement.executeQuery();
            assertThat(rows.next()).isTrue();
            return new String(rows.getBytes(1), StandardCharsets.ISO_8859_1)
                    + new String(rows.getBytes(2), StandardCharsets.ISO_8859_1);
        }
    }
}
