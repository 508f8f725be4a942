package dev.ksefplatform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.support.CredentialServiceHarness;
import dev.ksefplatform.credentials.support.Nips;
import dev.ksefplatform.credentials.support.Simulator;
import dev.ksefplatform.credentials.support.TestCertificates;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.IntegrationStatusChanged;
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
 * The operators' listing over real PostgreSQL: filters by tenant, kind and environment are exact (a tenant's
 * integrations never appear under another's), unknown filter values are refused, and command-api may call only the
 * operators' part of the admin API, its quick actions naming the operator in their events.
 */
class IntegrationFiltersIT {

    private static Simulator ksef;
    private static CredentialServiceHarness service;
    private static Tenant a;
    private static Tenant b;

    private record Tenant(String id, String nip, String inTest, String inDemo) {
    }

    @BeforeAll
    static void start() {
        ksef = new Simulator();
        service = new CredentialServiceHarness(ksef.baseUrl() + "/v2",
                "--ksef.environments.DEMO.base-url=" + ksef.baseUrl() + "/v2");
        String providerId = registerProvider();
        a = tenant(own("TEST", tokenCredential()), own("DEMO", null));
        b = tenant(Map.of("environment", "TEST", "providerCredentialId", providerId), own("DEMO", tokenCredential()));
    }

    @AfterAll
    static void stop() {
        service.close();
        ksef.close();
    }

    @Test
    void aTenantsFilterShowsOnlyItsOwnIntegrations() {
        assertThat(ids("tenantId=" + a.id())).containsExactlyInAnyOrder(a.inTest(), a.inDemo());
        assertThat(ids("tenantId=" + b.id())).containsExactlyInAnyOrder(b.inTest(), b.inDemo())
                .doesNotContain(a.inTest(), a.inDemo());
    }

    @Test
    void kindFiltersExactlyOwnTokenOwnCertificateAndTheProvidersCredential() {
        assertThat(ids("tenantId=" + a.id() + "&kind=KSEF_TOKEN")).containsExactly(a.inTest());
        assertThat(ids("tenantId=" + a.id() + "&kind=CERTIFICATE")).containsExactly(a.inDemo());
        assertThat(ids("tenantId=" + a.id() + "&kind=PROVIDER_CREDENTIAL")).isEmpty();
        assertThat(ids("tenantId=" + b.id() + "&kind=PROVIDER_CREDENTIAL")).containsExactly(b.inTest());
        List<Map<String, Object>> certificates = items("kind=CERTIFICATE&size=500");
        assertThat(certificates).isNotEmpty().allSatisfy(i -> {
            assertThat(i.get("kind")).isEqualTo("CERTIFICATE");
            assertThat(i.get("credentialType")).isEqualTo("CERTIFICATE");
            assertThat(i).doesNotContainKey("providerCredentialId");
        });
    }

    @Test
    void environmentFiltersExactlyAndCombinesWithTheOthers() {
        List<Map<String, Object>> demo = items("environment=DEMO&size=500");
        assertThat(demo).allSatisfy(i -> assertThat(i.get("environment")).isEqualTo("DEMO"));
        assertThat(demo).extracting(i -> i.get("integrationId")).contains(a.inDemo(), b.inDemo())
                .doesNotContain(a.inTest(), b.inTest());
        assertThat(ids("tenantId=" + b.id() + "&environment=DEMO&kind=KSEF_TOKEN")).containsExactly(b.inDemo());
        assertThat(ids("tenantId=" + b.id() + "&environment=DEMO&kind=PROVIDER_CREDENTIAL")).isEmpty();
        assertThat(ids("tenantId=" + a.id() + "&environment=TEST&status=PENDING")).containsExactly(a.inTest());
        assertThat(ids("tenantId=" + a.id() + "&environment=TEST&status=ACTIVE")).isEmpty();
    }

    @Test
    void refusesFilterValuesItDoesNotKnow() {
        for (String query : List.of("kind=TOKEN", "status=GONE", "environment=PROD", "environment=te%20st",
                "tenantId=a%20b", "size=501", "page=-1")) {
            admin().get().uri("/admin/v1/integrations?" + query).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isNotEmpty();
        }
    }

    @Test
    void commandApiMayListAndActButNeverRegisterOrRevoke() {
        WebTestClient gateway = service.client(CredentialServiceHarness.OTHER_CALLER);
        gateway.get().uri("/admin/v1/integrations?tenantId=" + a.id()).exchange().expectStatus().isOk();
        gateway.post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", a.id())).exchange().expectStatus().isForbidden();
        gateway.post().uri("/admin/v1/integrations/{id}/revoke", a.inDemo()).exchange().expectStatus().isForbidden();
        gateway.get().uri("/admin/v1/provider-credentials").exchange().expectStatus().isForbidden();
        service.client(CredentialServiceHarness.WORKER).get().uri("/admin/v1/integrations").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void anOperatorsDisablingAndEnablingNameTheOperatorAndTheIntegrationInTheirEvents() {
        WebTestClient gateway = service.client(CredentialServiceHarness.OTHER_CALLER);
        gateway.post().uri("/admin/v1/integrations/{id}/disable", b.inDemo()).header("X-Actor-Id", "operator-7")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DISABLED");
        gateway.post().uri("/admin/v1/integrations/{id}/enable", b.inDemo()).header("X-Actor-Id", "operator-7")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PENDING");
        List<EventEnvelope> changes = service.eventsOf(b.id(), seen -> statusChanges(seen).size() == 2).stream()
                .map(ConsumerRecord::value).filter(e -> e.getPayload() instanceof IntegrationStatusChanged).toList();
        assertThat(changes).hasSize(2).allSatisfy(e -> {
            assertThat(e.getAudit().getActor().getType()).isEqualTo("STAFF");
            assertThat(e.getAudit().getActor().getId()).isEqualTo("operator-7");
            assertThat(e.getAudit().getIntegrationId()).as("the audit log finds it by integration").isEqualTo(b.inDemo());
        });
        assertThat(changes).extracting(e -> ((IntegrationStatusChanged) e.getPayload()).getToStatus())
                .containsExactly("DISABLED", "PENDING");
    }

    private static List<ConsumerRecord<String, EventEnvelope>> statusChanges(List<ConsumerRecord<String, EventEnvelope>> seen) {
        return seen.stream().filter(r -> r.value().getPayload() instanceof IntegrationStatusChanged).toList();
    }

    private static WebTestClient admin() {
        return service.client(CredentialServiceHarness.ADMIN);
    }

    private static List<Object> ids(String query) {
        return items(query).stream().map(i -> i.get("integrationId")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(String query) {
        Map<String, Object> page = admin().get().uri("/admin/v1/integrations?" + query).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    /** A tenant command-api vouched for, with an integration in TEST and one in DEMO. */
    private static Tenant tenant(Map<String, Object> test, Map<String, Object> demo) {
        String tenantId = "tenant-" + UUID.randomUUID();
        String nip = Nips.random();
        service.vouch(tenantId, nip);
        return new Tenant(tenantId, nip, register(tenantId, nip, test), register(tenantId, nip, demo));
    }

    /** {@code credential} null: a certificate for the taxpayer's NIP. */
    private static Map<String, Object> own(String environment, Map<String, Object> credential) {
        return credential == null ? Map.of("environment", environment, "certificate", true)
                : Map.of("environment", environment, "credential", credential);
    }

    private static Map<String, Object> tokenCredential() {
        return Map.of("type", "KSEF_TOKEN", "ksefToken", "20261203-EC-0000000000-0000000000-00|nip-0|secret");
    }

    private static String register(String tenantId, String nip, Map<String, Object> how) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("tenantId", tenantId, "taxpayerNip", nip,
                "scopes", List.of("InvoiceWrite"), "environment", how.get("environment")));
        if (how.containsKey("providerCredentialId")) {
            body.put("providerCredentialId", how.get("providerCredentialId"));
        } else {
            body.put("providerNip", nip);
            body.put("credential", how.containsKey("certificate") ? Map.of("type", "CERTIFICATE",
                    "pkcs12", TestCertificates.pkcs12Base64(nip, "pw"), "password", "pw") : how.get("credential"));
        }
        return (String) admin().post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("integrationId");
    }

    private static String registerProvider() {
        String providerNip = Nips.random();
        return (String) admin().post().uri("/admin/v1/provider-credentials").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("environment", "TEST", "providerNip", providerNip, "description", "provider",
                        "credential", Map.of("type", "CERTIFICATE",
                                "pkcs12", TestCertificates.pkcs12Base64(providerNip, "pw"), "password", "pw")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("providerCredentialId");
    }
}
