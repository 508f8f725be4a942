package dev.ksefplatform.commandapi.upstream.adapter.r2dbc;

import dev.ksefplatform.commandapi.upstream.application.UpstreamGrants;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link UpstreamGrants} in {@code gateway.upstream_grants}. */
public final class R2dbcUpstreamGrants implements UpstreamGrants {

    private final DatabaseClient db;

    public R2dbcUpstreamGrants(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> allows(String systemId, String tenantId) {
        UUID tenant = uuid(tenantId);
        if (tenant == null) {
            return Mono.just(false);
        }
        return db.sql("SELECT 1 FROM gateway.upstream_grants WHERE system_id = :system AND tenant_id = :tenant")
                .bind("system", systemId).bind("tenant", tenant)
                .map(row -> true).first().defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> grant(String systemId, String tenantId, Instant at) {
        return db.sql("""
                        INSERT INTO gateway.upstream_grants (system_id, tenant_id, granted_at) VALUES (:system, :tenant, :at)
                        ON CONFLICT (system_id, tenant_id) DO NOTHING""")
                .bind("system", systemId).bind("tenant", UUID.fromString(tenantId)).bind("at", at.atOffset(ZoneOffset.UTC))
                .then();
    }

    @Override
    public Mono<Void> withdraw(String systemId, String tenantId) {
        UUID tenant = uuid(tenantId);
        return tenant == null ? Mono.empty()
                : db.sql("DELETE FROM gateway.upstream_grants WHERE system_id = :system AND tenant_id = :tenant")
                        .bind("system", systemId).bind("tenant", tenant).then();
    }

    @Override
    public Flux<Grant> of(String systemId) {
        return db.sql("SELECT tenant_id, granted_at FROM gateway.upstream_grants WHERE system_id = :system ORDER BY granted_at")
                .bind("system", systemId)
                .map(row -> new Grant(row.get("tenant_id", UUID.class).toString(),
                        row.get("granted_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
