package dev.ksefplatform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.testsupport.CapturedLogs;
import dev.ksefplatform.credentials.support.CredentialServiceHarness;
import dev.ksefplatform.credentials.support.Nips;
import dev.ksefplatform.credentials.support.Simulator;
import dev.ksefplatform.credentials.support.TestCertificates;
import dev.ksefplatform.schemas.v1.ProviderCredentialChanged;
import dev.ksefplatform.schemas.v1.ProviderCredentialRegistered;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One provider certificate, registered once, serves every client context whose taxpayer granted the provider's NIP in
 * KSeF (the simulator's {@code /testdata/permissions}), and is refused with an actionable reason where no grant exists.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderCredentialsIT {

    private static CapturedLogs logs;
    private static Simulator ksef;
    private static CredentialServiceHarness service;
    private static final List<String> planted = new CopyOnWriteArrayList<>();
    private static final List<String> responses = new CopyOnWriteArrayList<>();
    /** Leased access tokens: returned to the worker by design, but never logged. */
    private static final List<String> leasedTokens = new CopyOnWriteArrayList<>();
    /** Event keys (provider keys and client tenants) this class produced. */
    private static final List<String> eventKeys = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        ksef = new Simulator();
        service = new CredentialServiceHarness(ksef.baseUrl() + "/v2");
        logs = CapturedLogs.attach();
    }

    @AfterAll
    static void stop() {
        service.close();
        ksef.close();
        logs.close();
    }

    private record Client(String tenantId, String nip, String integrationId) {
    }

    private static WebTestClient admin() {
        return service.client(CredentialServiceHarness.ADMIN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(WebTestClient.ResponseSpec spec, int status) {
        String text = text(spec, status);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static String text(WebTestClient.ResponseSpec spec, int status) {
        byte[] raw = spec.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        responses.add(text);
        return text;
    }

    private static Map<String, Object> certificate(String nip) {
        String password = "pw-" + UUID.randomUUID();
        String pkcs12 = TestCertificates.pkcs12Base64(nip, password);
        planted.add(password);
        planted.add(pkcs12.substring(0, 60));
        return Map.of("type", "CERTIFICATE", "pkcs12", pkcs12, "password", password);
    }

    private static String registerProvider(String providerNip) {
        eventKeys.add("provider:" + providerNip);
        return (String) json(admin().post().uri("/admin/v1/provider-credentials").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("environment", "TEST", "providerNip", providerNip, "description", "our seal",
                        "credential", certificate(providerNip)))
                .exchange(), 201).get("providerCredentialId");
    }

    /** The taxpayer grants the provider's NIP a permission in its context, as in the KSeF portal. */
    private static void grant(String contextNip, String providerNip, String permission) {
        WebTestClient.bindToServer().baseUrl(ksef.baseUrl()).build().post().uri("/v2/testdata/permissions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contextIdentifier", Map.of("type", "Nip", "value", contextNip),
                        "authorizedIdentifier", Map.of("type", "Nip", "value", providerNip),
                        "permissions", List.of(Map.of("permissionType", permission, "description", "provider"))))
                .exchange().expectStatus().isOk();
    }

    private static Client client(String providerCredentialId) {
        String tenantId = "tenant-" + UUID.randomUUID();
        eventKeys.add(tenantId);
        String nip = Nips.random();
        service.vouch(tenantId, nip);
        Map<?, ?> body = json(admin().post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "environment", "TEST", "taxpayerNip", nip,
                        "scopes", List.of("InvoiceWrite"), "providerCredentialId", providerCredentialId))
                .exchange(), 201);
        assertThat(body.get("providerCredentialId")).isEqualTo(providerCredentialId);
        return new Client(tenantId, nip, (String) body.get("integrationId"));
    }

    private static Map<String, Object> verify(Client client) {
        return json(admin().post().uri("/admin/v1/integrations/{id}/verify", client.integrationId()).exchange(), 200);
    }

    private static WebTestClient.ResponseSpec lease(Client client) {
        return service.client(CredentialServiceHarness.WORKER).post().uri("/internal/v1/leases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", client.tenantId(), "environment", "TEST", "contextNip", client.nip(),
                        "purpose", "InvoiceWrite"))
                .exchange();
    }

    @Test
    void oneProviderCertificateServesEveryClientContextThatGrantedItAndIsRefusedWhereNoGrantExists() {
        String providerNip = Nips.random();
        String providerCredentialId = registerProvider(providerNip);
        List<Client> granting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Client client = client(providerCredentialId);
            grant(client.nip(), providerNip, "InvoiceWrite");
            granting.add(client);
        }
        Client notGranting = client(providerCredentialId);

        List<Object> statuses = granting.stream().map(client -> (Object) verify(client).get("status")).toList();
        Map<String, Object> refused = verify(notGranting);
        granting.forEach(client -> service.context().getBean(AccessTokens.class)
                .forgetIntegration(client.integrationId()));
        List<Map<String, Object>> leases = granting.stream().map(client -> json(lease(client), 200)).toList();

        assertThat(statuses).containsOnly("ACTIVE");
        assertThat(refused.get("status")).isEqualTo("ERROR");
        assertThat((String) refused.get("reason")).contains("grant InvoiceWrite to NIP " + providerNip)
                .contains("context " + notGranting.nip());
        json(lease(notGranting), 403);
        for (int i = 0; i < 3; i++) {
            assertThat(leases.get(i).get("integrationId")).isEqualTo(granting.get(i).integrationId());
            assertThat(leases.get(i).get("providerNip")).isEqualTo(providerNip);
            leasedTokens.add((String) leases.get(i).get("accessToken"));
        }
        assertThat(new HashSet<>(leases.stream().map(lease -> lease.get("accessToken")).toList()))
                .as("one KSeF session per client context").hasSize(3);
        assertThat(service.eventsOf("provider:" + providerNip, events -> !events.isEmpty()))
                .extracting(r -> r.value().getPayload()).hasAtLeastOneElementOfType(ProviderCredentialRegistered.class);
    }

    @Test
    void aRotatedProviderCredentialIsResealedOnceAndServesEveryClientWithoutDowntime() {
        String providerNip = Nips.random();
        String providerCredentialId = registerProvider(providerNip);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Client client = client(providerCredentialId);
            grant(client.nip(), providerNip, "InvoiceWrite");
            verify(client);
            clients.add(client);
        }
        byte[] before = ciphertext(providerCredentialId);

        json(admin().post().uri("/admin/v1/provider-credentials/{id}/secret", providerCredentialId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("credential", certificate(providerNip)))
                .exchange(), 200);
        List<Integer> cached = clients.stream().map(client -> lease(client).returnResult(Map.class).getStatus().value())
                .toList();
        clients.forEach(client -> service.context().getBean(AccessTokens.class).forgetIntegration(client.integrationId()));
        List<Integer> freshLogins = clients.stream()
                .map(client -> lease(client).returnResult(Map.class).getStatus().value()).toList();

        assertThat(cached).containsOnly(200);
        assertThat(freshLogins).containsOnly(200);
        assertThat(ciphertext(providerCredentialId)).isNotEqualTo(before);
        assertThat(clients).allSatisfy(client -> assertThat(json(admin().get()
                .uri("/admin/v1/integrations/{id}", client.integrationId()).exchange(), 200).get("status"))
                .isEqualTo("ACTIVE"));
        assertThat(service.eventsOf("provider:" + providerNip, events -> events.size() >= 2))
                .extracting(r -> r.value().getPayload()).hasAtLeastOneElementOfType(ProviderCredentialChanged.class);
    }

    @Test
    void anIntegrationReferencingAProviderCredentialHasNoSecretToRotateAndAnUnknownReferenceIsRefused() {
        String providerCredentialId = registerProvider(Nips.random());
        Client client = client(providerCredentialId);

        json(admin().post().uri("/admin/v1/integrations/{id}/secret", client.integrationId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("credential", Map.of("type", "CERTIFICATE", "pkcs12", "AA==", "password", "x")))
                .exchange(), 400);
        String tenantId = "t-" + UUID.randomUUID();
        String nip = Nips.random();
        service.vouch(tenantId, nip);
        Map<?, ?> unknown = json(admin().post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "environment", "TEST", "taxpayerNip",
                        nip, "scopes", List.of("InvoiceWrite"), "providerCredentialId",
                        UUID.randomUUID().toString()))
                .exchange(), 400);
        json(admin().get().uri("/admin/v1/provider-credentials/{id}", UUID.randomUUID()).exchange(), 404);

        assertThat((String) unknown.get("detail")).contains("does not name a provider credential");
        assertThat(secretRows(client.integrationId())).isZero();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noProviderSecretSurfacesInAnyResponseOrLogLine() {
        String providerNip = Nips.random();
        String id = registerProvider(providerNip);
        assertThat(text(admin().get().uri("/admin/v1/provider-credentials").exchange(), 200)).contains(id);
        json(admin().get().uri("/admin/v1/provider-credentials/{id}", id).exchange(), 200);

        assertThat(planted).isNotEmpty();
        assertThat(leasedTokens).as("the other tests ran first").isNotEmpty();
        for (String secret : planted) {
            assertThat(responses).noneMatch(response -> response.contains(secret));
            assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
        }
        for (String token : leasedTokens) {
            assertThat(logs.lines()).noneMatch(line -> line.contains(token));
        }
        List<String> events = eventKeys.stream().flatMap(key -> service.eventsOf(key, seen -> !seen.isEmpty()).stream())
                .map(record -> record.value().toString()).toList();
        assertThat(events).hasSizeGreaterThanOrEqualTo(eventKeys.size());
        for (String secret : planted) {
            assertThat(events).noneMatch(event -> event.contains(secret));
        }
        for (String token : leasedTokens) {
            assertThat(events).noneMatch(event -> event.contains(token));
        }
    }

    private static byte[] ciphertext(String providerCredentialId) {
        return service.context().getBean(DatabaseClient.class)
                .sql("SELECT ciphertext FROM credentials.provider_credentials WHERE id = :id")
                .bind("id", UUID.fromString(providerCredentialId)).map(row -> row.get("ciphertext", byte[].class))
                .one().block();
    }

    private static long secretRows(String integrationId) {
        return service.context().getBean(DatabaseClient.class)
                .sql("SELECT count(*) AS n FROM credentials.secrets WHERE integration_id = :id")
                .bind("id", UUID.fromString(integrationId)).map(row -> row.get("n", Long.class)).one().block();
    }
}
