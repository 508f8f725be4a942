package dev.ksefplatform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.credentials.support.CredentialServiceHarness;
import dev.ksefplatform.credentials.support.Nips;
import dev.ksefplatform.credentials.support.Simulator;
import dev.ksefplatform.ksef.client.AuthSession;
import dev.ksefplatform.ksef.client.AuthTokens;
import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.KsefClient;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The periodic auth-session watch against the simulator's {@code /auth/sessions}: sessions this service opened and
 * replaced — on this instance or on another one — are revoked (their refresh tokens stop working), and a session of
 * the taxpayer's other system in the same context is left alone.
 */
class AuthSessionSweepIT {

    private static Simulator ksef;
    private static CredentialServiceHarness service;
    private static KsefClient direct;

    @BeforeAll
    static void start() {
        ksef = new Simulator();
        service = new CredentialServiceHarness(ksef.baseUrl() + "/v2", "--credentials.sessions.sweep.enabled=true",
                "--credentials.sessions.sweep.every=PT2S", "--credentials.sessions.sweep.check-every=PT0.5S");
        direct = KsefClient.builder().baseUri(URI.create(ksef.baseUrl() + "/v2")).build();
    }

    @AfterAll
    static void stop() {
        service.close();
        ksef.close();
    }

    private static DatabaseClient db() {
        return service.context().getBean(DatabaseClient.class);
    }

    private static String state(String reference) {
        return db().sql("SELECT state FROM credentials.auth_sessions WHERE reference_number = :ref")
                .bind("ref", reference).map(row -> row.get("state", String.class)).one().defaultIfEmpty("none").block();
    }

    /**
     * The integration's open session. The service records a session beside the login, not before answering it
     * ({@code R2dbcSessionRecords} writes without blocking), so the row may follow the verification's answer; read at
     * once, it was missing once in CI.
     */
    private static String awaitOpenSessionOf(String integrationId) {
        String reference = await(() -> openSessionOf(integrationId), Objects::nonNull);
        assertThat(reference).as("the verification's session is recorded OPEN").isNotNull();
        return reference;
    }

    private static String openSessionOf(String integrationId) {
        return db().sql("SELECT reference_number FROM credentials.auth_sessions WHERE integration_id = :id "
                        + "AND state = 'OPEN'")
                .bind("id", UUID.fromString(integrationId)).map(row -> row.get("reference_number", String.class))
                .one().block();
    }

    private static String awaitState(String reference, String expected) {
        return await(() -> state(reference), expected::equals);
    }

    /** Reads until {@code done} or 30 s have passed; the last read. */
    private static <T> T await(Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T current = read.get();
        while (!done.test(current) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            current = read.get();
        }
        return current;
    }

    @Test
    void replacedSessionsOfAnyInstanceAreRevokedAndTheTaxpayersOtherSessionsAreLeftAlone() {
        String nip = Nips.random();
        String token = ksef.issueKsefToken(nip, List.of("InvoiceWrite"));
        WebTestClient admin = service.client(CredentialServiceHarness.ADMIN);
        String tenantId = "tenant-" + UUID.randomUUID();
        service.vouch(tenantId, nip);
        Map<?, ?> registered = admin.post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "environment", "TEST", "taxpayerNip", nip,
                        "providerNip", Nips.random(), "scopes", List.of("InvoiceWrite"),
                        "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String integrationId = (String) registered.get("integrationId");
        admin.post().uri("/admin/v1/integrations/{id}/verify", integrationId).exchange().expectStatus().isOk();
        String ownSession = awaitOpenSessionOf(integrationId);
        // another instance of this service opened a session in the context and replaced it
        AuthTokens otherInstance = direct.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token);
        db().sql("INSERT INTO credentials.auth_sessions (reference_number, integration_id, environment, context_nip, "
                        + "state, opened_at, updated_at) VALUES (:ref, :id, 'TEST', :nip, 'REPLACED', :at, :at)")
                .bind("ref", otherInstance.authenticationReferenceNumber()).bind("id", UUID.fromString(integrationId))
                .bind("nip", nip).bind("at", OffsetDateTime.now()).fetch().rowsUpdated().block();
        // the taxpayer's own ERP, logged in with the same token: not ours
        AuthTokens taxpayersErp = direct.auth().loginWithKsefToken(ContextIdentifier.nip(nip), token);

        String otherInstanceState = awaitState(otherInstance.authenticationReferenceNumber(), "REVOKED");
        service.context().getBean(AccessTokens.class).forgetIntegration(integrationId);
        String ownState = awaitState(ownSession, "REVOKED");
        List<String> listed = direct.authSessions().list(taxpayersErp.accessToken().token()).stream()
                .map(AuthSession::referenceNumber).toList();

        assertThat(otherInstanceState).isEqualTo("REVOKED");
        assertThat(ownState).isEqualTo("REVOKED");
        assertThat(listed).contains(taxpayersErp.authenticationReferenceNumber())
                .doesNotContain(otherInstance.authenticationReferenceNumber(), ownSession);
        assertThat(refreshStatus(otherInstance.refreshToken().token())).isEqualTo(400);
        assertThat(refreshStatus(taxpayersErp.refreshToken().token())).isEqualTo(200);
    }

    private static int refreshStatus(String refreshToken) {
        return WebTestClient.bindToServer().baseUrl(ksef.baseUrl()).build().post().uri("/v2/auth/token/refresh")
                .header("Authorization", "Bearer " + refreshToken).exchange().returnResult(String.class)
                .getStatus().value();
    }
}
