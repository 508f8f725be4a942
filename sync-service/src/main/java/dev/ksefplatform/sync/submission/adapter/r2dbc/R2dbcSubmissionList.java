package dev.ksefplatform.sync.submission.adapter.r2dbc;

import dev.ksefplatform.sync.submission.application.SubmissionCursor;
import dev.ksefplatform.sync.submission.application.SubmissionList;
import dev.ksefplatform.sync.submission.domain.Submission;
import dev.ksefplatform.sync.submission.domain.SubmissionFilter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;

/**
 * Keyset pages on index {@code submissions_tenant_listed} ({@code tenant_id, created_at DESC, command_id DESC}); only
 * the conditions the filter sets are in the SQL, and values are always bound, never spliced.
 */
public final class R2dbcSubmissionList implements SubmissionList {

    private final DatabaseClient db;

    public R2dbcSubmissionList(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<Submission> page(String tenantId, SubmissionFilter filter, SubmissionCursor after, int limit) {
        List<String> where = new ArrayList<>(List.of("tenant_id = :tenantId"));
        Map<String, Object> values = new LinkedHashMap<>(Map.of("tenantId", tenantId, "limit", limit));
        add(where, values, "status = :status", "status", filter.status() == null ? null : filter.status().name());
        add(where, values, "invoice_number = :invoiceNumber", "invoiceNumber", filter.invoiceNumber());
        add(where, values, "created_at >= :from", "from",
                filter.createdFrom() == null ? null : filter.createdFrom().atStartOfDay().atOffset(ZoneOffset.UTC));
        add(where, values, "created_at < :to", "to",
                filter.createdTo() == null ? null : filter.createdTo().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        if (after != null) {
            where.add("(created_at, command_id) < (:afterAt, :afterId)");
            values.put("afterAt", after.createdAt().atOffset(ZoneOffset.UTC));
            values.put("afterId", after.commandId());
        }
        String sql = "SELECT * FROM sync.submissions WHERE " + String.join(" AND ", where)
                + " ORDER BY created_at DESC, command_id DESC LIMIT :limit";
        return bind(db.sql(sql), values).map(R2dbcSubmissions::toSubmission).all();
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, Map<String, Object> values) {
        GenericExecuteSpec bound = spec;
        for (Map.Entry<String, Object> value : values.entrySet()) {
            bound = bound.bind(value.getKey(), value.getValue());
        }
        return bound;
    }

    private static void add(List<String> where, Map<String, Object> values, String condition, String name, Object value) {
        if (value != null) {
            where.add(condition);
            values.put(name, value);
        }
    }
}
