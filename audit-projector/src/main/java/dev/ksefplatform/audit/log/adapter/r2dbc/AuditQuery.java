package dev.ksefplatform.audit.log.adapter.r2dbc;

import dev.ksefplatform.audit.log.application.AuditCursor;
import dev.ksefplatform.audit.log.domain.AuditFilter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * One audit page as SQL: the tenant's rows, only the conditions the filter sets (so the planner sees a plain
 * query), keyset paging on ({@code occurred_at}, {@code event_id}) descending. Values are always bound, never spliced.
 */
record AuditQuery(String sql, Map<String, Object> parameters) {

    static AuditQuery of(String tenantId, AuditFilter filter, AuditCursor after, int limit) {
        List<String> where = new ArrayList<>(List.of("tenant_id = :tenantId"));
        Map<String, Object> values = new LinkedHashMap<>(Map.of("tenantId", tenantId, "limit", limit));
        add(where, values, "occurred_at >= :from", "from", time(filter.from()));
        add(where, values, "occurred_at < :to", "to", time(filter.to()));
        add(where, values, "operation = :operation", "operation", filter.operation());
        add(where, values, "tenant_nip = :contextNip", "contextNip", filter.contextNip());
        add(where, values, "integration_id = :integrationId", "integrationId", filter.integrationId());
        add(where, values, "event_type = :eventType", "eventType", filter.eventType());
        if (filter.statusClass() != null) {
            add(where, values, "http_status >= :statusFrom", "statusFrom", filter.statusClass().lowest());
            add(where, values, "http_status <= :statusTo", "statusTo", filter.statusClass().highest());
        }
        if (after != null) {
            add(where, values, "(occurred_at, event_id) < (:afterAt, :afterId)", "afterAt", time(after.occurredAt()));
            values.put("afterId", after.eventId());
        }
        return new AuditQuery("SELECT * FROM audit.audit_log WHERE " + String.join(" AND ", where)
                + " ORDER BY occurred_at DESC, event_id DESC LIMIT :limit", values);
    }

    GenericExecuteSpec bind(GenericExecuteSpec spec) {
        GenericExecuteSpec bound = spec;
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            bound = bound.bind(parameter.getKey(), parameter.getValue());
        }
        return bound;
    }

    private static void add(List<String> where, Map<String, Object> values, String condition, String name, Object value) {
        if (value != null) {
            where.add(condition);
            values.put(name, value);
        }
    }

    private static Object time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
