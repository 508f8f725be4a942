package dev.ksefplatform.support.paging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * One page of a tenant's list as SQL: the tenant's rows, only the conditions a filter sets (so the planner sees a
 * plain query), keyset paging on (instant, id) descending. Values are always bound, never spliced.
 */
public final class KeysetQuery {

    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    private KeysetQuery(int limit) {
        values.put("limit", limit);
    }

    public static KeysetQuery forTenant(String tenantId, int limit) {
        return new KeysetQuery(limit).when("tenant_id = :tenantId", "tenantId", Objects.requireNonNull(tenantId));
    }

    /** Rows of every tenant: only for a caller entitled to all of them (an operator's audit view). */
    public static KeysetQuery acrossTenants(int limit) {
        return new KeysetQuery(limit);
    }

    /** Adds {@code condition} with {@code value} bound as {@code :name}, unless the value is null (no filter). */
    public KeysetQuery when(String condition, String name, Object value) {
        if (value != null) {
            where.add(condition);
            values.put(name, value instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : value);
        }
        return this;
    }

    /** Rows after a cursor's ({@code at}, {@code id}) in descending order of ({@code atColumn}, {@code idColumn}). */
    public KeysetQuery after(String atColumn, String idColumn, Instant at, String id) {
        where.add("(" + atColumn + ", " + idColumn + ") < (:afterAt, :afterId)");
        values.put("afterAt", at.atOffset(ZoneOffset.UTC));
        values.put("afterId", id);
        return this;
    }

    public String sql(String table, String atColumn, String idColumn) {
        String conditions = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return "SELECT * FROM " + table + conditions + " ORDER BY " + atColumn + " DESC, "
                + idColumn + " DESC LIMIT :limit";
    }

    public GenericExecuteSpec bind(GenericExecuteSpec spec) {
        GenericExecuteSpec bound = spec;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            bound = bound.bind(value.getKey(), value.getValue());
        }
        return bound;
    }
}
