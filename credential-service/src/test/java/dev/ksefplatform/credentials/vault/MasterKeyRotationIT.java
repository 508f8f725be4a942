package dev.ksefplatform.credentials.vault;

import dev.ksefplatform.credentials.vault.domain.FixedMasterKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.credentials.integration.adapter.r2dbc.R2dbcIntegrationRepository;
import dev.ksefplatform.credentials.integration.adapter.r2dbc.R2dbcProviderCredentialRepository;
import dev.ksefplatform.credentials.integration.domain.ProviderCredential;
import dev.ksefplatform.credentials.session.application.KsefCredential;
import dev.ksefplatform.credentials.integration.application.SecretVault;
import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;
import dev.ksefplatform.credentials.support.Nips;
import dev.ksefplatform.credentials.vault.adapter.r2dbc.R2dbcKeyRotations;
import dev.ksefplatform.credentials.vault.adapter.r2dbc.R2dbcSecretEnvelopes;
import dev.ksefplatform.credentials.vault.application.MasterKeyRotation;
import dev.ksefplatform.credentials.vault.application.UnknownRotationTarget;
import dev.ksefplatform.credentials.vault.domain.EnvelopeCipher;
import dev.ksefplatform.credentials.vault.domain.KeyRotation;
import dev.ksefplatform.credentials.vault.domain.UnknownMasterKey;
import dev.ksefplatform.testsupport.EmbeddedPostgres;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Master-key rotation over real PostgreSQL: every data key moves to the new version, no secret changes. */
class MasterKeyRotationIT {

    private static DatabaseClient db;
    private static TransactionalOperator tx;

    private final FixedMasterKeys keys = new FixedMasterKeys();
    private EnvelopeCipher cipher;
    private final Clock clock = Clock.systemUTC();

    @BeforeAll
    static void database() {
        EmbeddedPostgres pg = EmbeddedPostgres.get();
        Flyway.configure().dataSource(pg.jdbcUrl(), pg.username(), pg.password()).schemas("credentials")
                .defaultSchema("credentials").locations("classpath:db/migration/credentials").load().migrate();
        var factory = ConnectionFactories.get(ConnectionFactoryOptions.parse(pg.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, pg.username())
                .option(ConnectionFactoryOptions.PASSWORD, pg.password()).build());
        db = DatabaseClient.create(factory);
        tx = TransactionalOperator.create(new R2dbcTransactionManager(factory));
    }

    @Test
    void rewrapsEveryEnvelopeUnderTheNewVersionAndTheSecretsStillOpenWithoutTheOldKey() {
        var repository = new R2dbcIntegrationRepository(db, tx, clock);
        keys.add(101).add(102).useVersion(101);
        cipher = new EnvelopeCipher(keys, new SecureRandom());
        SecretVault vault = new SecretVault(cipher);
        Map<Integration, String> secrets = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            Integration integration = integration("rotation-" + UUID.randomUUID());
            String secret = "ref-" + i + "|nip-" + integration.taxpayerNip() + "|" + UUID.randomUUID();
            repository.insert(integration, vault.seal(integration, secret)).block();
            secrets.put(integration, secret);
        }
        var providers = new R2dbcProviderCredentialRepository(db, tx);
        Map<ProviderCredential, String> providerSecrets = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            ProviderCredential provider = new ProviderCredential(UUID.randomUUID(), "TEST", Nips.random(),
                    CredentialType.KSEF_TOKEN, "provider " + i, Instant.now(), Instant.now());
            String secret = "provider-ref-" + i + "|nip-" + provider.providerNip() + "|" + UUID.randomUUID();
            providers.insert(provider, vault.seal(provider, secret)).block();
            providerSecrets.put(provider, secret);
        }

        MasterKeyRotation rotation = new MasterKeyRotation(new R2dbcSecretEnvelopes(db, clock), new R2dbcKeyRotations(db),
                cipher, clock, UUID::randomUUID, 3);
        KeyRotation started = rotation.start(102).block();
        KeyRotation finished = awaitFinished(rotation, started.id());

        // other test classes share this database with envelopes under keys this test does not hold: they count as failed
        assertThat(started.targetVersion()).isEqualTo(102);
        assertThat(finished.status()).isNotEqualTo(KeyRotation.Status.RUNNING);
        assertThat(finished.rewrapped()).isGreaterThanOrEqualTo(9);
        assertThat(finished.rewrapped() + finished.failed()).isEqualTo(started.total());
        keys.forget(101);
        secrets.forEach((integration, secret) -> {
            var envelope = repository.secretOf(integration.id()).block();
            assertThat(envelope.keyVersion()).isEqualTo(102);
            assertThat(vault.open(integration, envelope)).isEqualTo(secret);
        });
        providerSecrets.forEach((provider, secret) -> {
            var envelope = providers.secretOf(provider.id()).block();
            assertThat(envelope.keyVersion()).as("provider credentials move too").isEqualTo(102);
            assertThat(((KsefCredential.KsefToken) vault.credential(provider, envelope)).token()).isEqualTo(secret);
        });
    }

    @Test
    void refusesATargetVersionTheVaultDoesNotHoldAndKeepsSealingUnderTheOldOne() {
        keys.add(105).useVersion(105);
        cipher = new EnvelopeCipher(keys, new SecureRandom());
        MasterKeyRotation rotation = new MasterKeyRotation(new R2dbcSecretEnvelopes(db, clock), new R2dbcKeyRotations(db),
                cipher, clock, UUID::randomUUID, 3);

        assertThatThrownBy(() -> rotation.start(999).block()).isInstanceOf(UnknownRotationTarget.class)
                .hasMessageContaining("999");
        assertThat(cipher.sealingVersion()).isEqualTo(105);
        assertThat(new SecretVault(cipher).seal(integration("t-" + UUID.randomUUID()), "ref|x|y").keyVersion())
                .isEqualTo(105);
    }

    @Test
    void anEnvelopeUnderARemovedVersionNoLongerOpens() {
        keys.add(103).useVersion(103);
        cipher = new EnvelopeCipher(keys, new SecureRandom());
        Integration integration = integration("removed-" + UUID.randomUUID());
        var envelope = new SecretVault(cipher).seal(integration, "ref|x|y");
        keys.add(104);
        cipher.sealUnder(104);
        keys.forget(103);

        assertThatThrownBy(() -> new SecretVault(cipher).open(integration, envelope)).isInstanceOf(UnknownMasterKey.class);
    }

    private static KeyRotation awaitFinished(MasterKeyRotation rotation, UUID id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        KeyRotation current = rotation.progress(id).block();
        while (current.status() == KeyRotation.Status.RUNNING && Instant.now().isBefore(deadline)) {
            current = rotation.progress(id).block(Duration.ofSeconds(5));
            Thread.onSpinWait();
        }
        return current;
    }

    private static Integration integration(String tenant) {
        Instant now = Instant.now();
        return new Integration(new IntegrationId(UUID.randomUUID()), tenant, "TEST", Nips.random(), Nips.random(),
                Set.of("InvoiceWrite"), CredentialType.KSEF_TOKEN, IntegrationStatus.PENDING, null, now, now);
    }
}
