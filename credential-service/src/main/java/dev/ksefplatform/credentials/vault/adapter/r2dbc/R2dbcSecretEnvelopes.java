package dev.ksefplatform.credentials.vault.adapter.r2dbc;

import dev.ksefplatform.credentials.vault.application.SecretEnvelopes;
import dev.ksefplatform.credentials.vault.application.StoredEnvelope;
import dev.ksefplatform.credentials.vault.domain.AssociatedData;
import dev.ksefplatform.credentials.vault.domain.Envelope;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Envelopes of {@code credentials.secrets}, joined to the integration row that supplies their associated data, and of
 * {@code credentials.provider_credentials}, bound to their own row (see {@code SecretVault.boundTo}). Ids are UUIDs,
 * unique across both tables.
 */
public final class R2dbcSecretEnvelopes implements SecretEnvelopes {

    private final DatabaseClient db;
    private final Clock clock;

    public R2dbcSecretEnvelopes(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<Integer> countNotUnder(int keyVersion) {
        return db.sql("SELECT (SELECT count(*) FROM credentials.secrets WHERE key_version <> :v) "
                        + "+ (SELECT count(*) FROM credentials.provider_credentials WHERE key_version <> :v) AS n")
                .bind("v", keyVersion).map(row -> row.get("n", Long.class).intValue()).one();
    }

    @Override
    public Flux<StoredEnvelope> notUnder(int keyVersion, UUID after, int limit) {
        return db.sql("SELECT s.integration_id AS id, i.tenant_id AS owner, i.credential_type AS kind, i.environment, "
                        + "s.key_version, s.wrap_nonce, s.wrapped_key, s.data_nonce, s.ciphertext FROM credentials.secrets s "
                        + "JOIN credentials.integrations i ON i.id = s.integration_id WHERE s.key_version <> :v "
                        + "AND s.integration_id > :after "
                        + "UNION ALL SELECT p.id, 'provider-credential:' || p.id::text, 'PROVIDER_' || p.credential_type, "
                        + "p.environment, p.key_version, p.wrap_nonce, p.wrapped_key, p.data_nonce, p.ciphertext "
                        + "FROM credentials.provider_credentials p WHERE p.key_version <> :v AND p.id > :after "
                        + "ORDER BY id LIMIT :limit")
                .bind("v", keyVersion).bind("after", after == null ? new UUID(0, 0) : after).bind("limit", limit)
                .map(R2dbcSecretEnvelopes::stored).all();
    }

    @Override
    public Mono<Boolean> swap(UUID id, Envelope old, Envelope next) {
        return swapIn("credentials.secrets", "integration_id", id, old, next)
                .flatMap(swapped -> swapped ? Mono.just(true)
                        : swapIn("credentials.provider_credentials", "id", id, old, next));
    }

    private Mono<Boolean> swapIn(String table, String idColumn, UUID id, Envelope old, Envelope next) {
        return db.sql("UPDATE " + table + " SET key_version = :version, wrap_nonce = :wrapNonce, "
                        + "wrapped_key = :wrapped, updated_at = :at "
                        + "WHERE " + idColumn + " = :id AND key_version = :oldVersion AND wrapped_key = :oldWrapped")
                .bind("version", next.keyVersion()).bind("wrapNonce", next.wrapNonce()).bind("wrapped", next.wrappedKey())
                .bind("at", clock.instant().atOffset(ZoneOffset.UTC)).bind("id", id)
                .bind("oldVersion", old.keyVersion()).bind("oldWrapped", old.wrappedKey())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    private static StoredEnvelope stored(Readable row) {
        return new StoredEnvelope(row.get("id", UUID.class),
                new AssociatedData(row.get("owner", String.class), row.get("kind", String.class),
                        row.get("environment", String.class)),
                new Envelope(row.get("key_version", Integer.class), row.get("wrap_nonce", byte[].class),
                        row.get("wrapped_key", byte[].class), row.get("data_nonce", byte[].class),
                        row.get("ciphertext", byte[].class)));
    }
}
