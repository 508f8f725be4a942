package dev.ksefplatform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.credentials.support.CredentialServiceHarness;
import dev.ksefplatform.credentials.support.Nips;
import dev.ksefplatform.credentials.support.Simulator;
import dev.ksefplatform.credentials.support.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The tenants' self-service API ({@code /internal/v1/tenants/{tenantId}/integrations}, caller {@code command-api}):
 * only command-api may use it, and every operation is bound to the path's tenant.
 */
class TenantApiIT {

    private static Simulator ksef;
    private static CredentialServiceHarness service;

    @BeforeAll
    static void start() {
        ksef = new Simulator();
        service = new CredentialServiceHarness(ksef.baseUrl() + "/v2");
    }

    @AfterAll
    static void stop() {
        service.close();
        ksef.close();
    }

    @Test
    void onlyCommandApiMayUseTheTenantApi() {
        String path = "/internal/v1/tenants/" + UUID.randomUUID() + "/integrations";

        gateway().get().uri(path).exchange().expectStatus().isOk();
        service.client(CredentialServiceHarness.WORKER).get().uri(path).exchange().expectStatus().isForbidden();
        service.client(CredentialServiceHarness.ADMIN).get().uri(path).exchange().expectStatus().isForbidden();
        WebTestClient.bindToServer().baseUrl("http://localhost:" + service.port()).build().get().uri(path).exchange()
                .expectStatus().isUnauthorized();
        gateway().post().uri("/internal/v1/leases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", "t", "environment", "TEST", "contextNip", Nips.random(),
                        "purpose", "InvoiceWrite")).exchange().expectStatus().isForbidden();
    }

    @Test
    void everyOperationIsBoundToThePathsTenant() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String nip = Nips.random();
        String token = ksef.issueKsefToken(nip, List.of("InvoiceWrite"));

        Map<String, Object> created = json(gateway().post().uri("/internal/v1/tenants/{t}/integrations", a)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("environment", "TEST", "taxpayerNip", nip,
                        "scopes", List.of("InvoiceWrite"), "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token)))
                .exchange(), 201);
        String id = (String) created.get("integrationId");
        for (String action : List.of("verify", "disable", "enable")) {
            gateway().post().uri("/internal/v1/tenants/{t}/integrations/{id}/" + action, b, id).exchange()
                    .expectStatus().isNotFound();
        }
        gateway().post().uri("/internal/v1/tenants/{t}/integrations/{id}/secret", b, id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token))).exchange()
                .expectStatus().isNotFound();
        gateway().get().uri("/internal/v1/tenants/{t}/integrations/{id}", b, id).exchange().expectStatus().isNotFound();
        Map<String, Object> verified = json(gateway().post()
                .uri("/internal/v1/tenants/{t}/integrations/{id}/verify", a, id).exchange(), 200);

        assertThat(created).containsEntry("tenantId", a).containsEntry("taxpayerNip", nip)
                .containsEntry("providerNip", nip).containsEntry("status", "PENDING");
        assertThat(verified).containsEntry("status", "ACTIVE");
        assertThat(list(b)).isEmpty();
        assertThat(list(a)).extracting(i -> i.get("integrationId")).containsExactly(id);
    }

    @Test
    void aProviderCredentialMustBeNamedWhenSeveralServeTheEnvironment() {
        String first = registerProvider();
        registerProvider();
        String tenant = UUID.randomUUID().toString();
        String nip = Nips.random();

        Map<String, Object> ambiguous = json(register(tenant, nip, Map.of("useProviderCredential", true)), 400);
        Map<String, Object> both = json(register(tenant, nip, Map.of("useProviderCredential", true, "credential",
                Map.of("type", "KSEF_TOKEN", "ksefToken", "ref|secret"))), 400);
        Map<String, Object> named = json(register(tenant, nip, Map.of("useProviderCredential", true,
                "providerCredentialId", first)), 201);

        assertThat((String) ambiguous.get("detail")).contains("providerCredentialId");
        assertThat((String) both.get("detail")).contains("either");
        assertThat(named).containsEntry("providerCredentialId", first).containsEntry("tenantId", tenant);
    }

    @Test
    void anOperatorRegistersIntegrationsOnlyForATenantCommandApiNamedAndInItsOwnNip() {
        String tenant = UUID.randomUUID().toString();
        String nip = Nips.random();
        String otherNip = Nips.random();

        Map<String, Object> unknown = json(adminRegister(tenant, nip), 422);
        service.vouch(tenant, nip);
        Map<String, Object> mismatch = json(adminRegister(tenant, otherNip), 422);
        Map<String, Object> renamed = json(gateway().put().uri("/internal/v1/tenants/{t}", tenant)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("nip", otherNip)).exchange(), 422);
        Map<String, Object> badNip = json(gateway().put().uri("/internal/v1/tenants/{t}", tenant)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("nip", "1234567890")).exchange(), 400);
        service.client(CredentialServiceHarness.ADMIN).put().uri("/internal/v1/tenants/{t}", tenant)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("nip", nip)).exchange()
                .expectStatus().isForbidden();
        service.vouch(tenant, nip);
        Map<String, Object> created = json(adminRegister(tenant, nip), 201);

        assertThat(unknown).containsEntry("type", "https://ksef-platform.dev/problems/unknown-tenant");
        assertThat((String) unknown.get("detail")).contains(tenant).contains("command-api");
        assertThat(mismatch).containsEntry("type", "https://ksef-platform.dev/problems/tenant-nip-mismatch");
        assertThat((String) mismatch.get("detail")).contains(nip).contains(otherNip);
        assertThat(renamed).containsEntry("type", "https://ksef-platform.dev/problems/tenant-nip-mismatch");
        assertThat(badNip).containsEntry("type", "https://ksef-platform.dev/problems/invalid-request");
        assertThat(created).containsEntry("tenantId", tenant).containsEntry("taxpayerNip", nip);
        assertThat(list(tenant)).hasSize(1);
    }

    @Test
    void selfServiceNamesTheTenantAndKeepsItToItsNip() {
        String tenant = UUID.randomUUID().toString();
        String nip = Nips.random();
        String token = ksef.issueKsefToken(nip, List.of("InvoiceWrite"));
        Map<String, Object> own = Map.of("credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token));

        json(register(tenant, nip, own), 201);
        Map<String, Object> elsewhere = json(register(tenant, Nips.random(), own), 422);
        Map<String, Object> byOperator = json(adminRegister(tenant, Nips.random()), 422);

        assertThat(elsewhere).containsEntry("type", "https://ksef-platform.dev/problems/tenant-nip-mismatch");
        assertThat(byOperator).containsEntry("type", "https://ksef-platform.dev/problems/tenant-nip-mismatch");
        assertThat(list(tenant)).extracting(i -> i.get("taxpayerNip")).containsExactly(nip);
    }

    private static WebTestClient.ResponseSpec adminRegister(String tenant, String nip) {
        return service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/integrations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("tenantId", tenant, "environment", "TEST",
                        "taxpayerNip", nip, "providerNip", nip, "scopes", List.of("InvoiceWrite"),
                        "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", "ref-" + UUID.randomUUID() + "|x")))
                .exchange();
    }

    private static String registerProvider() {
        String providerNip = Nips.random();
        String password = "pw-" + UUID.randomUUID();
        return (String) json(service.client(CredentialServiceHarness.ADMIN).post().uri("/admin/v1/provider-credentials")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("environment", "TEST", "providerNip",
                        providerNip, "credential", Map.of("type", "CERTIFICATE",
                                "pkcs12", TestCertificates.pkcs12Base64(providerNip, password), "password", password)))
                .exchange(), 201).get("providerCredentialId");
    }

    private static WebTestClient.ResponseSpec register(String tenant, String nip, Map<String, Object> credential) {
        Map<String, Object> body = new java.util.HashMap<>(credential);
        body.putAll(Map.of("environment", "TEST", "taxpayerNip", nip, "scopes", List.of("InvoiceWrite")));
        return gateway().post().uri("/internal/v1/tenants/{t}/integrations", tenant)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(String tenant) {
        byte[] raw = gateway().get().uri("/internal/v1/tenants/{t}/integrations", tenant).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        try {
            return new ObjectMapper().readValue(raw, List.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static WebTestClient gateway() {
        return service.client(CredentialServiceHarness.OTHER_CALLER);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(WebTestClient.ResponseSpec spec, int status) {
        byte[] raw = spec.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        try {
            return new ObjectMapper().readValue(raw, Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(new String(raw, StandardCharsets.UTF_8), e);
        }
    }
}
