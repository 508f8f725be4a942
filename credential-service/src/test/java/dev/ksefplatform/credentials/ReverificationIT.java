package dev.ksefplatform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.support.CredentialServiceHarness;
import dev.ksefplatform.credentials.support.Nips;
import dev.ksefplatform.credentials.support.Simulator;
import dev.ksefplatform.credentials.support.TestCertificates;
import dev.ksefplatform.schemas.v1.IntegrationStatusChanged;
import dev.ksefplatform.schemas.v1.IntegrationVerified;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Permissions checked again later: a grant revoked in KSeF is noticed by the periodic re-verification (ERROR with an
 * actionable reason, an event, leases refused with 403), other clients are untouched, and after the grant is restored
 * the worker's immediate re-check brings the integration back and leases resume.
 */
class ReverificationIT {

    private static Simulator ksef;
    private static CredentialServiceHarness service;

    @BeforeAll
    static void start() {
        ksef = new Simulator();
        service = new CredentialServiceHarness(ksef.baseUrl() + "/v2", "--credentials.reverification.enabled=true",
                "--credentials.reverification.every=PT3S", "--credentials.reverification.check-every=PT0.5S");
    }

    @AfterAll
    static void stop() {
        service.close();
        ksef.close();
    }

    private record Client(String tenantId, String nip, String integrationId) {
    }

    private static WebTestClient admin() {
        return service.client(CredentialServiceHarness.ADMIN);
    }

    private static WebTestClient worker() {
        return service.client(CredentialServiceHarness.WORKER);
    }

    private static WebTestClient simulator() {
        return WebTestClient.bindToServer().baseUrl(ksef.baseUrl()).build();
    }

    private static String registerProvider(String providerNip) {
        String password = "pw-" + UUID.randomUUID();
        Map<?, ?> body = admin().post().uri("/admin/v1/provider-credentials").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("environment", "TEST", "providerNip", providerNip, "credential", Map.of(
                        "type", "CERTIFICATE", "pkcs12", TestCertificates.pkcs12Base64(providerNip, password),
                        "password", password)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("providerCredentialId");
    }

    private static Map<String, Object> grantBody(String contextNip, String providerNip) {
        return Map.of("contextIdentifier", Map.of("type", "Nip", "value", contextNip),
                "authorizedIdentifier", Map.of("type", "Nip", "value", providerNip),
                "permissions", List.of(Map.of("permissionType", "InvoiceWrite", "description", "provider")));
    }

    private static void grant(String contextNip, String providerNip) {
        simulator().post().uri("/v2/testdata/permissions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(grantBody(contextNip, providerNip)).exchange().expectStatus().isOk();
    }

    private static void revokeGrant(String contextNip, String providerNip) {
        simulator().post().uri("/v2/testdata/permissions/revoke").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contextIdentifier", Map.of("type", "Nip", "value", contextNip),
                        "authorizedIdentifier", Map.of("type", "Nip", "value", providerNip)))
                .exchange().expectStatus().isOk();
    }

    private static Client activeClient(String providerCredentialId, String providerNip) {
        String tenantId = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        grant(nip, providerNip);
        service.vouch(tenantId, nip);
        Map<?, ?> body = admin().post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "environment", "TEST", "taxpayerNip", nip,
                        "scopes", List.of("InvoiceWrite"), "providerCredentialId", providerCredentialId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Client client = new Client(tenantId, nip, (String) body.get("integrationId"));
        admin().post().uri("/admin/v1/integrations/{id}/verify", client.integrationId()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        return client;
    }

    private static Map<?, ?> integration(Client client) {
        return admin().get().uri("/admin/v1/integrations/{id}", client.integrationId()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static WebTestClient.ResponseSpec lease(Client client) {
        return worker().post().uri("/internal/v1/leases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", client.tenantId(), "environment", "TEST", "contextNip", client.nip(),
                        "purpose", "InvoiceWrite"))
                .exchange();
    }

    private static Map<?, ?> awaitStatus(Client client, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<?, ?> current = integration(client);
        while (!status.equals(current.get("status")) && System.nanoTime() < deadline) {
            sleep();
            current = integration(client);
        }
        return current;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aRevokedGrantIsNoticedByTheNextRunStopsLeasesAndAnImmediateRecheckResumesThemOnceRestored() {
        String providerNip = Nips.random();
        String providerCredentialId = registerProvider(providerNip);
        Client revoked = activeClient(providerCredentialId, providerNip);
        Client untouched = activeClient(providerCredentialId, providerNip);

        revokeGrant(revoked.nip(), providerNip);
        Map<?, ?> failed = awaitStatus(revoked, "ERROR");

        assertThat(failed.get("status")).isEqualTo("ERROR");
        assertThat((String) failed.get("reason")).contains("grant InvoiceWrite to NIP " + providerNip)
                .contains("context " + revoked.nip());
        assertThat(service.eventsOf(revoked.tenantId(), events -> events.stream()
                .anyMatch(r -> r.value().getPayload() instanceof IntegrationStatusChanged))).isNotEmpty();
        lease(revoked).expectStatus().isForbidden().expectBody()
                .jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/integration-not-active")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("is ERROR").contains("grant InvoiceWrite to NIP " + providerNip));
        assertThat(integration(untouched).get("status")).isEqualTo("ACTIVE");
        lease(untouched).expectStatus().isOk();

        grant(revoked.nip(), providerNip);
        worker().post().uri("/internal/v1/integrations/{id}/verify", revoked.integrationId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tenantId", revoked.tenantId()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACTIVE").jsonPath("$.integrationId").isEqualTo(revoked.integrationId());
        lease(revoked).expectStatus().isOk();
        assertThat(lastResult()).contains("checked=");
    }

    /**
     * Issue #10's gap: a KSeF token keeps listing InvoiceWrite after its author lost it ({@code GET /tokens/{ref}}), so
     * the token's own permissions cannot show the loss; the login's own permissions in the context do.
     */
    @Test
    void aKsefTokenWhoseAuthorLostAGrantIsErrorAtTheNextRunAndActiveOnceTheGrantIsBack() {
        Client owner = activeTokenClient();
        Client other = activeTokenClient();

        authorPermission("revoke", owner.nip());
        Map<?, ?> failed = awaitStatus(owner, "ERROR");
        int changes = statusChanges(owner, "ERROR");

        assertThat(failed.get("status")).isEqualTo("ERROR");
        assertThat((String) failed.get("reason")).contains("the KSeF token's author no longer holds InvoiceWrite")
                .contains("context " + owner.nip());
        assertThat(changes).isEqualTo(1);
        lease(owner).expectStatus().isForbidden().expectBody()
                .jsonPath("$.type").isEqualTo("https://ksef-platform.dev/problems/integration-not-active");
        assertThat(integration(other).get("status")).isEqualTo("ACTIVE");

        authorPermission("restore", owner.nip());
        worker().post().uri("/internal/v1/integrations/{id}/verify", owner.integrationId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tenantId", owner.tenantId()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        lease(owner).expectStatus().isOk();
        assertThat(statusOf(service.eventsOf(owner.tenantId(), events -> events.stream()
                .filter(r -> r.value().getPayload() instanceof IntegrationVerified).count() == 2)))
                .containsExactly("VERIFIED", "ERROR", "VERIFIED");
    }

    private static Client activeTokenClient() {
        String tenantId = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        String token = ksef.issueKsefToken(nip, List.of("InvoiceWrite", "InvoiceRead"));
        service.vouch(tenantId, nip);
        Map<?, ?> body = admin().post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "environment", "TEST", "taxpayerNip", nip, "providerNip", nip,
                        "scopes", List.of("InvoiceWrite"), "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Client client = new Client(tenantId, nip, (String) body.get("integrationId"));
        admin().post().uri("/admin/v1/integrations/{id}/verify", client.integrationId()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        return client;
    }

    /** The client takes InvoiceWrite from (or gives it back to) the token's author, the context's owner. */
    private static void authorPermission(String change, String nip) {
        simulator().post().uri("/sim/v1/permissions/" + change).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contextNip", nip, "subject", Map.of("type", "Nip", "value", nip),
                        "permissions", List.of("InvoiceWrite")))
                .exchange().expectStatus().isOk();
    }

    private static int statusChanges(Client client, String to) {
        return (int) service.eventsOf(client.tenantId(), events -> events.stream()
                        .anyMatch(r -> r.value().getPayload() instanceof IntegrationStatusChanged))
                .stream().filter(r -> r.value().getPayload() instanceof IntegrationStatusChanged changed
                        && to.equals(changed.getToStatus()))
                .count();
    }

    private static List<String> statusOf(List<org.apache.kafka.clients.consumer.ConsumerRecord<String,
            dev.ksefplatform.schemas.v1.EventEnvelope>> events) {
        return events.stream().map(r -> r.value().getPayload())
                .map(p -> p instanceof IntegrationStatusChanged c ? c.getToStatus()
                        : p instanceof IntegrationVerified ? "VERIFIED" : "OTHER")
                .filter(s -> !s.equals("OTHER")).toList();
    }

    @Test
    void theImmediateRecheckIsBoundToTheTenantAndToTheWorker() {
        String providerNip = Nips.random();
        Client client = activeClient(registerProvider(providerNip), providerNip);

        worker().post().uri("/internal/v1/integrations/{id}/verify", client.integrationId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tenantId", "tenant-" + UUID.randomUUID()))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.type")
                .isEqualTo("https://ksef-platform.dev/problems/integration-not-found");
        admin().post().uri("/internal/v1/integrations/{id}/verify", client.integrationId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tenantId", client.tenantId()))
                .exchange().expectStatus().isForbidden();
        worker().post().uri("/internal/v1/integrations/{id}/verify", client.integrationId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isBadRequest();
    }

    private static String lastResult() {
        return service.context().getBean(DatabaseClient.class)
                .sql("SELECT last_result FROM credentials.job_runs WHERE job = 'integration-reverification'")
                .map(row -> String.valueOf(row.get("last_result", String.class))).one().block();
    }
}
