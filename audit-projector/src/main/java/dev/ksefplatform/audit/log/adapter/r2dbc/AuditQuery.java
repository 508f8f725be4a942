package dev.ksefplatform.audit.log.adapter.r2dbc;

import dev.ksefplatform.audit.log.application.AuditCursor;
import dev.ksefplatform.audit.log.application.AuditorCursor;
import dev.ksefplatform.audit.log.domain.AuditFilter;
import dev.ksefplatform.support.paging.KeysetQuery;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * One audit page as SQL: the tenant's rows (or, for operators, every tenant's or one chosen tenant's), only the
 * conditions the filter sets (so the planner sees a plain query), keyset paging on ({@code occurred_at},
 * {@code event_id}) descending. Values are always bound, never spliced.
 */
record AuditQuery(KeysetQuery query) {

    static AuditQuery of(String tenantId, AuditFilter filter, AuditCursor after, int limit) {
        KeysetQuery query = filtered(KeysetQuery.forTenant(tenantId, limit), filter);
        if (after != null) {
            query.after("occurred_at", "event_id", after.occurredAt(), after.eventId());
        }
        return new AuditQuery(query);
    }

    /** {@code tenantId} null: every tenant. */
    static AuditQuery acrossTenants(String tenantId, AuditFilter filter, AuditorCursor after, int limit) {
        KeysetQuery query = filtered(KeysetQuery.acrossTenants(limit)
                .when("tenant_id = :tenantId", "tenantId", tenantId), filter);
        if (after != null) {
            query.after("occurred_at", "event_id", after.occurredAt(), after.eventId());
        }
        return new AuditQuery(query);
    }

    private static KeysetQuery filtered(KeysetQuery query, AuditFilter filter) {
        query.when("occurred_at >= :from", "from", filter.from())
                .when("occurred_at < :to", "to", filter.to())
                .when("operation = :operation", "operation", filter.operation())
                .when("tenant_nip = :contextNip", "contextNip", filter.contextNip())
                .when("integration_id = :integrationId", "integrationId", filter.integrationId())
                .when("event_type = :eventType", "eventType", filter.eventType());
        if (filter.statusClass() != null) {
            query.when("http_status >= :statusFrom", "statusFrom", filter.statusClass().lowest())
                    .when("http_status <= :statusTo", "statusTo", filter.statusClass().highest());
        }
        return query;
    }

    String sql() {
        return query.sql("audit.audit_log", "occurred_at", "event_id");
    }

    GenericExecuteSpec bind(GenericExecuteSpec spec) {
        return query.bind(spec);
    }
}
