package dev.ksefplatform.credentials.integration.adapter.r2dbc;

import dev.ksefplatform.credentials.integration.application.IntegrationQuery;
import dev.ksefplatform.credentials.integration.application.IntegrationRepository;
import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;
import dev.ksefplatform.credentials.integration.domain.IntegrationUsage;
import dev.ksefplatform.credentials.integration.domain.NipAlreadyRegistered;
import dev.ksefplatform.credentials.vault.domain.Envelope;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Integrations and their envelopes in schema {@code credentials}. */
public final class R2dbcIntegrationRepository implements IntegrationRepository {

    private static final String COLUMNS = "id, tenant_id, environment, taxpayer_nip, provider_nip, scopes, "
            + "credential_type, status, reason, created_at, updated_at, provider_credential_id";
    /** The provider credential's rotation stands for an integration that acts with it. */
    private static final String SELECTED = COLUMNS + ", last_used_at, COALESCE(rotated_at, (SELECT p.rotated_at FROM "
            + "credentials.provider_credentials p WHERE p.id = provider_credential_id)) AS rotated_at";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;

    public R2dbcIntegrationRepository(DatabaseClient db, TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    /** {@code secret} is null for an integration that references a provider credential. */
    @Override
    public Mono<Integration> insert(Integration i, Envelope secret) {
        DatabaseClient.GenericExecuteSpec row = bindOptional(db.sql("INSERT INTO credentials.integrations ("
                        + COLUMNS + ") VALUES (:id, :tenant, :env, :nip, :provider, :scopes, :type, :status, :reason, :created, :updated, "
                        + ":providerCredential)"), i)
                .bind("tenant", i.tenantId()).bind("env", i.environment()).bind("nip", i.taxpayerNip())
                .bind("provider", i.providerNip()).bind("type", i.credentialType().name())
                .bind("created", at(i.createdAt()));
        Mono<Long> inserted = (i.usesProviderCredential() ? row.bind("providerCredential", i.providerCredentialId())
                : row.bindNull("providerCredential", UUID.class)).fetch().rowsUpdated();
        Mono<Void> ownSecret = secret == null ? Mono.empty() : writeSecret(i.id(), secret, false);
        return tx.transactional(inserted.then(ownSecret))
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> new NipAlreadyRegistered(i.environment(), i.taxpayerNip()))
                .thenReturn(i);
    }

    @Override
    public Mono<Integration> update(Integration i) {
        return bindOptional(db.sql("UPDATE credentials.integrations SET scopes = :scopes, status = :status, "
                        + "reason = :reason, updated_at = :updated WHERE id = :id"), i)
                .fetch().rowsUpdated().thenReturn(i);
    }

    @Override
    public Mono<Integration> find(IntegrationId id) {
        return db.sql("SELECT " + SELECTED + " FROM credentials.integrations WHERE id = :id")
                .bind("id", id.value()).map(R2dbcIntegrationRepository::integration).one();
    }

    @Override
    public Mono<Integration> findLive(String environment, String taxpayerNip) {
        return db.sql("SELECT " + SELECTED + " FROM credentials.integrations WHERE environment = :env "
                        + "AND taxpayer_nip = :nip AND status <> 'REVOKED'")
                .bind("env", environment).bind("nip", taxpayerNip)
                .map(R2dbcIntegrationRepository::integration).one();
    }

    @Override
    public Flux<Integration> list(IntegrationQuery q) {
        IntegrationFilterSql filter = IntegrationFilterSql.of(q);
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT " + SELECTED + " FROM credentials.integrations WHERE "
                        + filter.where() + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .bind("limit", q.size()).bind("offset", (long) q.page() * q.size());
        return filter.bind(spec).map(R2dbcIntegrationRepository::integration).all();
    }

    @Override
    public Mono<Envelope> secretOf(IntegrationId id) {
        return db.sql("SELECT key_version, wrap_nonce, wrapped_key, data_nonce, ciphertext FROM credentials.secrets "
                        + "WHERE integration_id = :id")
                .bind("id", id.value())
                .map(row -> new Envelope(row.get("key_version", Integer.class), row.get("wrap_nonce", byte[].class),
                        row.get("wrapped_key", byte[].class), row.get("data_nonce", byte[].class),
                        row.get("ciphertext", byte[].class)))
                .one();
    }

    @Override
    public Mono<Integration> replaceSecret(Integration integration, Envelope secret) {
        Mono<Long> rotated = db.sql("UPDATE credentials.integrations SET rotated_at = :at WHERE id = :id")
                .bind("at", at(integration.usage().rotatedAt())).bind("id", integration.id().value())
                .fetch().rowsUpdated();
        return tx.transactional(writeSecret(integration.id(), secret, true).then(rotated).then(update(integration)));
    }

    private Mono<Void> writeSecret(IntegrationId id, Envelope e, boolean replace) {
        String sql = replace
                ? "UPDATE credentials.secrets SET key_version = :version, wrap_nonce = :wrapNonce, wrapped_key = :wrapped, "
                        + "data_nonce = :dataNonce, ciphertext = :ciphertext, updated_at = :at WHERE integration_id = :id"
                : "INSERT INTO credentials.secrets (integration_id, key_version, wrap_nonce, wrapped_key, data_nonce, "
                        + "ciphertext, updated_at) VALUES (:id, :version, :wrapNonce, :wrapped, :dataNonce, :ciphertext, :at)";
        return db.sql(sql).bind("id", id.value()).bind("version", e.keyVersion()).bind("wrapNonce", e.wrapNonce())
                .bind("wrapped", e.wrappedKey()).bind("dataNonce", e.dataNonce()).bind("ciphertext", e.ciphertext())
                .bind("at", at(clock.instant()))
                .fetch().rowsUpdated().then();
    }

    private static DatabaseClient.GenericExecuteSpec bindOptional(DatabaseClient.GenericExecuteSpec spec, Integration i) {
        spec = spec.bind("id", i.id().value()).bind("scopes", i.scopes().stream().sorted().toArray(String[]::new))
                .bind("status", i.status().name()).bind("updated", at(i.updatedAt()));
        return i.reason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", i.reason());
    }

    private static Integration integration(Readable row) {
        return new Integration(new IntegrationId(row.get("id", UUID.class)), row.get("tenant_id", String.class),
                row.get("environment", String.class), row.get("taxpayer_nip", String.class),
                row.get("provider_nip", String.class), Set.of(row.get("scopes", String[].class)),
                CredentialType.valueOf(row.get("credential_type", String.class)),
                IntegrationStatus.valueOf(row.get("status", String.class)), row.get("reason", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant(), row.get("provider_credential_id", UUID.class),
                new IntegrationUsage(instant(row, "last_used_at"), instant(row, "rotated_at")));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
