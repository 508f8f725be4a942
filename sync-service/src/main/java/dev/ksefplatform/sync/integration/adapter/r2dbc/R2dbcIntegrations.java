package dev.ksefplatform.sync.integration.adapter.r2dbc;

import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import dev.ksefplatform.sync.integration.application.Integrations;
import dev.ksefplatform.sync.integration.domain.Integration;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class R2dbcIntegrations implements Integrations {

    private static final String READING = "status = 'ACTIVE' AND 'InvoiceRead' = ANY(scopes)";

    private final DatabaseClient db;

    public R2dbcIntegrations(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<Integration> findAll(Collection<String> integrationIds) {
        return db.sql("SELECT * FROM sync.integrations WHERE integration_id = ANY(CAST(:ids AS text[]))")
                .bind("ids", integrationIds.toArray(String[]::new)).map(R2dbcIntegrations::toIntegration).all();
    }

    @Override
    public Mono<Void> saveAll(Collection<Integration> integrations) {
        if (integrations.isEmpty()) {
            return Mono.empty();
        }
        BatchRows<Integration> rows = BatchRows.of(List.copyOf(integrations))
                .text("integration_id", Integration::integrationId).text("tenant_id", Integration::tenantId)
                .text("environment", Integration::environment).text("taxpayer_nip", Integration::taxpayerNip)
                .text("status", Integration::status).textArray("scopes", Integration::scopes)
                .timestamp("active_since", Integration::activeSince).text("last_event_id", Integration::lastEventId)
                .timestamp("updated_at", Integration::updatedAt);
        return rows.bind(db.sql("INSERT INTO sync.integrations (" + rows.names() + ") " + rows.select()
                + " ON CONFLICT (integration_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id,"
                + " environment = EXCLUDED.environment, taxpayer_nip = EXCLUDED.taxpayer_nip,"
                + " status = EXCLUDED.status, scopes = EXCLUDED.scopes, active_since = EXCLUDED.active_since,"
                + " last_event_id = EXCLUDED.last_event_id, updated_at = EXCLUDED.updated_at")).then();
    }

    @Override
    public Mono<Integration> inboxOf(String tenantId) {
        return db.sql("SELECT * FROM sync.integrations WHERE tenant_id = :tenantId AND " + READING
                        + " ORDER BY active_since DESC, integration_id LIMIT 1")
                .bind("tenantId", tenantId).map(R2dbcIntegrations::toIntegration).one();
    }

    @Override
    public Mono<Integration> latestOf(String tenantId) {
        return db.sql("SELECT * FROM sync.integrations WHERE tenant_id = :tenantId"
                        + " ORDER BY updated_at DESC, integration_id LIMIT 1")
                .bind("tenantId", tenantId).map(R2dbcIntegrations::toIntegration).one();
    }

    @Override
    public Flux<Integration> readingInboxes() {
        return db.sql("SELECT DISTINCT ON (tenant_id) * FROM sync.integrations WHERE " + READING
                        + " ORDER BY tenant_id, active_since DESC, integration_id")
                .map(R2dbcIntegrations::toIntegration).all();
    }

    private static Integration toIntegration(Readable row) {
        return new Integration(row.get("integration_id", String.class), row.get("tenant_id", String.class),
                row.get("environment", String.class), row.get("taxpayer_nip", String.class),
                row.get("status", String.class), Arrays.asList(row.get("scopes", String[].class)),
                instant(row.get("active_since", OffsetDateTime.class)), row.get("last_event_id", String.class),
                instant(row.get("updated_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
