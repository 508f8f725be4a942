package dev.ksefplatform.audit.traceability.adapter.r2dbc;

import dev.ksefplatform.audit.traceability.application.IntegrationOwners;
import dev.ksefplatform.audit.traceability.domain.IntegrationClaim;
import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public final class R2dbcIntegrationOwners implements IntegrationOwners {

    private static final String OWNERS = """
            SELECT integration_id, tenant_id FROM audit.integration_owners
            WHERE integration_id = ANY(CAST(:ids AS text[]))
            """;

    private final DatabaseClient db;

    public R2dbcIntegrationOwners(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> claimAll(List<IntegrationClaim> claims) {
        if (claims.isEmpty()) {
            return Mono.empty();
        }
        BatchRows<IntegrationClaim> rows = BatchRows.of(claims).text("integration_id", IntegrationClaim::integrationId)
                .text("tenant_id", IntegrationClaim::tenantId).text("event_id", IntegrationClaim::eventId);
        return rows.bind(db.sql("INSERT INTO audit.integration_owners (" + rows.names() + ") " + rows.select()
                + " ON CONFLICT (integration_id) DO NOTHING")).then();
    }

    @Override
    public Mono<Map<String, String>> ownersOf(List<String> integrationIds) {
        return db.sql(OWNERS).bind("ids", integrationIds.toArray(String[]::new))
                .map(row -> Map.entry(row.get("integration_id", String.class), row.get("tenant_id", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
