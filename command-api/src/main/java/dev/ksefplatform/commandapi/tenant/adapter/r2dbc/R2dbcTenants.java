package dev.ksefplatform.commandapi.tenant.adapter.r2dbc;

import dev.ksefplatform.commandapi.tenant.application.NipAlreadyRegistered;
import dev.ksefplatform.commandapi.tenant.application.Tenants;
import dev.ksefplatform.commandapi.tenant.domain.ApiKeyHash;
import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import dev.ksefplatform.commandapi.tenant.domain.TenantStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** {@link Tenants} in {@code gateway.tenants}. */
public final class R2dbcTenants implements Tenants {

    private final DatabaseClient db;

    public R2dbcTenants(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> add(Tenant tenant, ApiKeyHash apiKeyHash) {
        return db.sql("""
                        INSERT INTO gateway.tenants (id, name, nip, api_key_sha256, status, created_at)
                        VALUES (:id, :name, :nip, :hash, :status, :createdAt)""")
                .bind("id", UUID.fromString(tenant.id()))
                .bind("name", tenant.name())
                .bind("nip", tenant.nip())
                .bind("hash", apiKeyHash.hex())
                .bind("status", tenant.status().name())
                .bind("createdAt", tenant.createdAt().atOffset(ZoneOffset.UTC))
                .then()
                .onErrorMap(DataIntegrityViolationException.class, e -> new NipAlreadyRegistered(tenant.nip(), e));
    }

    @Override
    public Mono<Tenant> byApiKey(ApiKeyHash apiKeyHash) {
        return db.sql("SELECT id, name, nip, status, created_at FROM gateway.tenants WHERE api_key_sha256 = :hash")
                .bind("hash", apiKeyHash.hex())
                .map(R2dbcTenants::tenant)
                .one();
    }

    @Override
    public Mono<Tenant> byId(String tenantId) {
        UUID id;
        try {
            id = UUID.fromString(tenantId);
        } catch (IllegalArgumentException notOurs) {
            return Mono.empty();
        }
        return db.sql("SELECT id, name, nip, status, created_at FROM gateway.tenants WHERE id = :id")
                .bind("id", id)
                .map(R2dbcTenants::tenant)
                .one();
    }

    @Override
    public reactor.core.publisher.Flux<Tenant> list(String query, int limit) {
        String pattern = query == null ? null : query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        var spec = db.sql("""
                        SELECT id, name, nip, status, created_at FROM gateway.tenants
                        WHERE CAST(:contains AS text) IS NULL OR name ILIKE :contains OR nip LIKE :prefix OR id::text LIKE :prefix
                        ORDER BY name, id LIMIT :limit""")
                .bind("limit", limit);
        spec = pattern == null ? spec.bindNull("contains", String.class).bindNull("prefix", String.class)
                : spec.bind("contains", "%" + pattern + "%").bind("prefix", pattern + "%");
        return spec.map(R2dbcTenants::tenant).all();
    }

    @Override
    public Mono<Void> remove(String tenantId) {
        return db.sql("DELETE FROM gateway.tenants WHERE id = :id").bind("id", UUID.fromString(tenantId)).then();
    }

    private static Tenant tenant(Readable row) {
        Instant createdAt = row.get("created_at", OffsetDateTime.class).toInstant();
        return new Tenant(row.get("id", UUID.class).toString(), row.get("name", String.class), row.get("nip", String.class),
                TenantStatus.valueOf(row.get("status", String.class)), createdAt);
    }
}
