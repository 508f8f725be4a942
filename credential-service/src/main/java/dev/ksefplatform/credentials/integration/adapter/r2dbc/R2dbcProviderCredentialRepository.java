package dev.ksefplatform.credentials.integration.adapter.r2dbc;

import dev.ksefplatform.credentials.integration.application.ProviderCredentialRepository;
import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.ProviderCredential;
import dev.ksefplatform.credentials.vault.domain.Envelope;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Provider credentials in {@code credentials.provider_credentials}, the envelope in the same row. */
public final class R2dbcProviderCredentialRepository implements ProviderCredentialRepository {

    private static final String COLUMNS = "id, environment, provider_nip, credential_type, description, created_at, "
            + "updated_at";

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public R2dbcProviderCredentialRepository(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    @Override
    public Mono<ProviderCredential> insert(ProviderCredential c, Envelope e) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO credentials.provider_credentials (" + COLUMNS
                        + ", key_version, wrap_nonce, wrapped_key, data_nonce, ciphertext) VALUES (:id, :env, :nip, "
                        + ":type, :description, :created, :updated, :version, :wrapNonce, :wrapped, :dataNonce, "
                        + ":ciphertext)")
                .bind("id", c.id()).bind("env", c.environment()).bind("nip", c.providerNip())
                .bind("type", c.credentialType().name()).bind("created", at(c.createdAt()))
                .bind("updated", at(c.updatedAt()));
        spec = c.description() == null ? spec.bindNull("description", String.class)
                : spec.bind("description", c.description());
        return envelope(spec, e).fetch().rowsUpdated().thenReturn(c);
    }

    @Override
    public Mono<ProviderCredential> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM credentials.provider_credentials WHERE id = :id").bind("id", id)
                .map(R2dbcProviderCredentialRepository::credential).one();
    }

    @Override
    public Flux<ProviderCredential> list() {
        return db.sql("SELECT " + COLUMNS + " FROM credentials.provider_credentials ORDER BY created_at, id")
                .map(R2dbcProviderCredentialRepository::credential).all();
    }

    @Override
    public Mono<Envelope> secretOf(UUID id) {
        return db.sql("SELECT key_version, wrap_nonce, wrapped_key, data_nonce, ciphertext "
                        + "FROM credentials.provider_credentials WHERE id = :id")
                .bind("id", id)
                .map(row -> new Envelope(row.get("key_version", Integer.class), row.get("wrap_nonce", byte[].class),
                        row.get("wrapped_key", byte[].class), row.get("data_nonce", byte[].class),
                        row.get("ciphertext", byte[].class)))
                .one();
    }

    @Override
    public Mono<ProviderCredential> replaceSecret(ProviderCredential c, Envelope e) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("UPDATE credentials.provider_credentials SET "
                        + "key_version = :version, wrap_nonce = :wrapNonce, wrapped_key = :wrapped, "
                        + "data_nonce = :dataNonce, ciphertext = :ciphertext, updated_at = :updated, rotated_at = :updated "
                        + "WHERE id = :id")
                .bind("id", c.id()).bind("updated", at(c.updatedAt()));
        return tx.transactional(envelope(spec, e).fetch().rowsUpdated()).thenReturn(c);
    }

    private static DatabaseClient.GenericExecuteSpec envelope(DatabaseClient.GenericExecuteSpec spec, Envelope e) {
        return spec.bind("version", e.keyVersion()).bind("wrapNonce", e.wrapNonce()).bind("wrapped", e.wrappedKey())
                .bind("dataNonce", e.dataNonce()).bind("ciphertext", e.ciphertext());
    }

    private static ProviderCredential credential(Readable row) {
        return new ProviderCredential(row.get("id", UUID.class), row.get("environment", String.class),
                row.get("provider_nip", String.class), CredentialType.valueOf(row.get("credential_type", String.class)),
                row.get("description", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
