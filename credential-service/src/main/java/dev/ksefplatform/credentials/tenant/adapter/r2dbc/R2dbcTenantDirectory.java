package dev.ksefplatform.credentials.tenant.adapter.r2dbc;

import dev.ksefplatform.credentials.tenant.application.TenantDirectory;
import dev.ksefplatform.credentials.tenant.domain.GatewayTenant;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** {@code credentials.gateway_tenants}. */
public final class R2dbcTenantDirectory implements TenantDirectory {

    private final DatabaseClient db;
    private final Clock clock;

    public R2dbcTenantDirectory(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<GatewayTenant> find(String tenantId) {
        return db.sql("SELECT tenant_id, nip FROM credentials.gateway_tenants WHERE tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(row -> new GatewayTenant(row.get("tenant_id", String.class), row.get("nip", String.class))).one();
    }

    @Override
    public Mono<GatewayTenant> record(GatewayTenant tenant) {
        return db.sql("INSERT INTO credentials.gateway_tenants (tenant_id, nip, recorded_at) VALUES (:tenant, :nip, :at) "
                        + "ON CONFLICT (tenant_id) DO NOTHING")
                .bind("tenant", tenant.tenantId()).bind("nip", tenant.nip())
                .bind("at", clock.instant().atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated().then(find(tenant.tenantId()));
    }
}
