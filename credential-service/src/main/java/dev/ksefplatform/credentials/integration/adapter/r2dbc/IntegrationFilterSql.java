package dev.ksefplatform.credentials.integration.adapter.r2dbc;

import dev.ksefplatform.credentials.integration.application.IntegrationQuery;
import dev.ksefplatform.credentials.integration.domain.IntegrationKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;

/** The WHERE clause of an integration listing and its bound values: every filter in SQL, every value a parameter. */
record IntegrationFilterSql(String where, Map<String, String> values) {

    static IntegrationFilterSql of(IntegrationQuery q) {
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        Map<String, String> values = new LinkedHashMap<>();
        add(conditions, values, "tenant_id = :tenant", "tenant", q.tenantId());
        add(conditions, values, "status = :status", "status", q.status() == null ? null : q.status().name());
        add(conditions, values, "environment = :env", "env", q.environment());
        if (q.kind() == IntegrationKind.PROVIDER_CREDENTIAL) {
            conditions.add("provider_credential_id IS NOT NULL");
        } else if (q.kind() != null) {
            add(conditions, values, "provider_credential_id IS NULL AND credential_type = :type", "type", q.kind().name());
        }
        return new IntegrationFilterSql(String.join(" AND ", conditions), values);
    }

    DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        return spec;
    }

    private static void add(List<String> conditions, Map<String, String> values, String condition, String name,
                            String value) {
        if (value != null) {
            conditions.add(condition);
            values.put(name, value);
        }
    }
}
