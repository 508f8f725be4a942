package dev.ksefplatform.audit.traceability.adapter.r2dbc;

import dev.ksefplatform.audit.traceability.application.ViolationLog;
import dev.ksefplatform.audit.traceability.domain.TenantViolation;
import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

public final class R2dbcViolationLog implements ViolationLog {

    private final DatabaseClient db;
    private final Clock clock;

    public R2dbcViolationLog(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<List<TenantViolation>> recordAll(List<TenantViolation> violations) {
        if (violations.isEmpty()) {
            return Mono.just(List.of());
        }
        BatchRows<TenantViolation> rows = rows(violations);
        return rows.bind(db.sql("INSERT INTO audit.tenant_violations (" + rows.names() + ") " + rows.select()
                        + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id"))
                .map(row -> row.get("event_id", String.class)).all().collect(Collectors.toSet())
                .map(inserted -> newlyRecorded(violations, inserted));
    }

    private BatchRows<TenantViolation> rows(List<TenantViolation> violations) {
        Instant now = clock.instant();
        return BatchRows.of(violations).text("event_id", TenantViolation::eventId)
                .text("tenant_id", TenantViolation::tenantId).text("event_type", TenantViolation::eventType)
                .text("correlation_id", TenantViolation::correlationId)
                .timestamp("occurred_at", TenantViolation::occurredAt)
                .text("integration_id", TenantViolation::integrationId)
                .text("owner_tenant_id", TenantViolation::ownerTenantId)
                .text("reason", v -> v.reason().name()).timestamp("recorded_at", v -> now);
    }

    /** Each inserted event id once: an event delivered twice within one batch is two violations but one row. */
    private static List<TenantViolation> newlyRecorded(List<TenantViolation> violations, Set<String> inserted) {
        Set<String> unreported = new HashSet<>(inserted);
        return violations.stream().filter(v -> unreported.remove(v.eventId())).toList();
    }
}
