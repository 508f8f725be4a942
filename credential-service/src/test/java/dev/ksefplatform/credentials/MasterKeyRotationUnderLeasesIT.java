package dev.ksefplatform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.credentials.session.application.AccessTokens;
import dev.ksefplatform.credentials.support.CredentialServiceHarness;
import dev.ksefplatform.credentials.support.Nips;
import dev.ksefplatform.credentials.support.Simulator;
import dev.ksefplatform.credentials.vault.adapter.config.PropertyMasterKeys;
import dev.ksefplatform.credentials.vault.adapter.r2dbc.R2dbcSecretEnvelopes;
import dev.ksefplatform.credentials.vault.application.StoredEnvelope;
import dev.ksefplatform.credentials.vault.domain.EnvelopeCipher;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rotates the master key from version 1 to 2 while leases — many of them cold, so the envelope is
 * really opened — are served without pause, over real PostgreSQL, Kafka and the KSeF simulator. The
 * service gets a database of its own: the rotation moves every row, and rows of other test classes
 * sealed under keys this service does not hold would count as failures.
 */
class MasterKeyRotationUnderLeasesIT {

    private static final String DATABASE = "ksef_rotation_it";
    private static final int INTEGRATIONS = 20;
    private static final Duration POLL = Duration.ofMillis(10);
    private static final String KEY_1 = randomKey();
    private static final String KEY_2 = randomKey();

    private static Simulator ksef;
    private static CredentialServiceHarness service;
    private static WebClient admin;
    private static WebClient worker;
    /** KSeF token planted per integration id. */
    private static final Map<String, String> secrets = new ConcurrentHashMap<>();

    private record Tenant(String tenantId, String nip, String integrationId) {
    }

    private record Answer(int status, Instant at) {
    }

    @BeforeAll
    static void start() throws SQLException {
        createDatabase();
        // 20 cold logins at once would hit KSeF's per-IP auth limits (429 -> 503, retried by the worker, not here)
        ksef = new Simulator("--simulator.rate-limits.enabled=false");
        service = new CredentialServiceHarness(ksef.baseUrl() + "/v2", "--ksef.db.name=" + DATABASE,
                "--credentials.vault.master-keys.1=" + KEY_1, "--credentials.vault.master-keys.2=" + KEY_2,
                "--credentials.vault.current-version=1", "--credentials.vault.rotation-batch-size=1");
        admin = client(CredentialServiceHarness.ADMIN);
        worker = client(CredentialServiceHarness.WORKER);
    }

    @AfterAll
    static void stop() {
        service.close();
        ksef.close();
    }

    @Test
    void rotatesToANewVersionWhileEveryLeaseIsServedAndTheOldKeyIsThenNoLongerNeeded() throws Exception {
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < INTEGRATIONS; i++) {
            tenants.add(verified(registered()));
        }
        assertThat(versionsInUse()).containsExactly(1);

        List<Answer> answers = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> leaseUntil(stop, tenants, answers));
        awaitAnswers(answers, INTEGRATIONS);
        Instant rotationStarted = Instant.now();
        Map<?, ?> started = admin.post().uri("/admin/v1/vault/rotations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("targetVersion", 2)).retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(30));
        Tenant registeredMidRotation = registered();
        Map<?, ?> finished = awaitFinished((String) started.get("rotationId"));
        Instant rotationFinished = Instant.now();
        int beforeStop = answers.size();
        awaitAnswers(answers, beforeStop + INTEGRATIONS);
        stop.set(true);
        load.get();

        assertThat(started.get("status")).isEqualTo("RUNNING");
        assertThat(started.get("targetVersion")).isEqualTo(2);
        assertThat(versionOf(registeredMidRotation)).as("sealed after the rotation started").isEqualTo(2);
        assertThat(finished.get("status")).isEqualTo("COMPLETED");
        assertThat(finished.get("total")).isEqualTo(INTEGRATIONS);
        assertThat(finished.get("rewrapped")).isEqualTo(INTEGRATIONS);
        assertThat(finished.get("failed")).isEqualTo(0);
        assertThat(answers).as("every lease, before, during and after the rotation").isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(answers).as("leases answered while the rotation ran")
                .anyMatch(a -> !a.at().isBefore(rotationStarted) && !a.at().isAfter(rotationFinished));
        assertThat(versionsInUse()).containsExactly(2);
        assertEverySecretOpensWithOnlyVersionTwo();
    }

    @Test
    void refusesARotationToAVersionThatIsNotConfigured() {
        admin.post().uri("/admin/v1/vault/rotations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("targetVersion", 9)).exchangeToMono(response -> {
                    assertThat(response.statusCode().value()).isEqualTo(400);
                    return response.bodyToMono(Map.class);
                })
                .doOnNext(problem -> assertThat(problem.get("type"))
                        .isEqualTo("https://ksef-platform.dev/problems/unknown-key-version"))
                .block(Duration.ofSeconds(30));
        admin.post().uri("/admin/v1/vault/rotations").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchangeToMono(response -> Mono.just(response.statusCode().value()))
                .doOnNext(status -> assertThat(status).isEqualTo(400)).block(Duration.ofSeconds(30));
    }

    /** Round after round, one lease per integration at once; every other round drops half the cached tokens. */
    private static void leaseUntil(AtomicBoolean stop, List<Tenant> tenants, List<Answer> answers) {
        AccessTokens cache = service.context().getBean(AccessTokens.class);
        for (int round = 0; !stop.get(); round++) {
            for (int i = round % 2; i < tenants.size(); i += 2) {
                cache.forgetIntegration(tenants.get(i).integrationId());
            }
            Flux.fromIterable(tenants).flatMap(tenant -> worker.post().uri("/internal/v1/leases")
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Map.of("tenantId", tenant.tenantId(), "environment", "TEST",
                                    "contextNip", tenant.nip(), "purpose", "InvoiceWrite"))
                            .exchangeToMono(response -> response.releaseBody()
                                    .thenReturn(new Answer(response.statusCode().value(), Instant.now()))), tenants.size())
                    .doOnNext(answers::add).blockLast(Duration.ofSeconds(60));
        }
    }

    private static Tenant registered() {
        String tenantId = "rotation-" + UUID.randomUUID();
        String nip = Nips.random();
        String token = ksef.issueKsefToken(nip, List.of("InvoiceWrite"));
        service.vouch(tenantId, nip);
        Map<?, ?> created = admin.post().uri("/admin/v1/integrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tenantId", tenantId, "environment", "TEST", "taxpayerNip", nip,
                        "providerNip", Nips.random(), "scopes", List.of("InvoiceWrite"),
                        "credential", Map.of("type", "KSEF_TOKEN", "ksefToken", token)))
                .retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(30));
        String integrationId = (String) created.get("integrationId");
        secrets.put(integrationId, token);
        return new Tenant(tenantId, nip, integrationId);
    }

    private static Tenant verified(Tenant tenant) {
        Map<?, ?> body = admin.post().uri("/admin/v1/integrations/{id}/verify", tenant.integrationId())
                .retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(30));
        assertThat(body.get("status")).isEqualTo("ACTIVE");
        return tenant;
    }

    private static Map<?, ?> awaitFinished(String rotationId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<?, ?> current;
        do {
            current = admin.get().uri("/admin/v1/vault/rotations/{id}", rotationId).retrieve().bodyToMono(Map.class)
                    .block(Duration.ofSeconds(30));
        } while ("RUNNING".equals(current.get("status")) && Instant.now().isBefore(deadline) && pause());
        return current;
    }

    private static void awaitAnswers(List<Answer> answers, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (answers.size() < atLeast && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private static boolean pause() {
        LockSupport.parkNanos(POLL.toNanos());
        return true;
    }

    /** Opens every stored envelope with a vault that holds version 2 only, and compares it with the planted secret. */
    private static void assertEverySecretOpensWithOnlyVersionTwo() {
        EnvelopeCipher onlyTwo = new EnvelopeCipher(new PropertyMasterKeys(Map.of(2, KEY_2), 2), new SecureRandom());
        List<StoredEnvelope> stored = new R2dbcSecretEnvelopes(database(), Clock.systemUTC())
                .notUnder(0, null, 1_000).collectList().block(Duration.ofSeconds(30));

        assertThat(stored).hasSize(INTEGRATIONS + 1).allSatisfy(envelope -> assertThat(
                new String(onlyTwo.open(envelope.envelope(), envelope.associatedData()), StandardCharsets.UTF_8))
                .isEqualTo(secrets.get(envelope.integrationId().toString())));
    }

    private static List<Integer> versionsInUse() throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection connection = jdbc();
             ResultSet rows = connection.createStatement()
                     .executeQuery("SELECT DISTINCT key_version FROM credentials.secrets ORDER BY key_version")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    private static int versionOf(Tenant tenant) throws SQLException {
        try (Connection connection = jdbc();
             ResultSet row = connection.createStatement().executeQuery("SELECT key_version FROM credentials.secrets "
                     + "WHERE integration_id = '" + UUID.fromString(tenant.integrationId()) + "'")) {
            assertThat(row.next()).isTrue();
            return row.getInt(1);
        }
    }

    private static void createDatabase() throws SQLException {
        try (Connection connection = EmbeddedPostgres.get().connect();
             ResultSet exists = connection.createStatement()
                     .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (exists.next()) {
                connection.createStatement().execute("DROP DATABASE " + DATABASE + " WITH (FORCE)");
            }
            connection.createStatement().execute("CREATE DATABASE " + DATABASE);
        }
    }

    private static Connection jdbc() throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        return DriverManager.getConnection(pg.jdbcUrl().replace("/" + pg.database(), "/" + DATABASE), pg.username(),
                pg.password());
    }

    private static DatabaseClient database() {
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        return DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions
                .parse(pg.r2dbcUrl().replace("/" + pg.database(), "/" + DATABASE)).mutate()
                .option(ConnectionFactoryOptions.USER, pg.username())
                .option(ConnectionFactoryOptions.PASSWORD, pg.password()).build()));
    }

    private static WebClient client(String bearer) {
        return WebClient.builder().baseUrl("http://localhost:" + service.port())
                .defaultHeader("Authorization", "Bearer " + bearer).build();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
