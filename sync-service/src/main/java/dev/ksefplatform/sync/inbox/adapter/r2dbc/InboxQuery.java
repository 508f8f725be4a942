package dev.ksefplatform.sync.inbox.adapter.r2dbc;

import dev.ksefplatform.sync.inbox.application.InboxCursor;
import dev.ksefplatform.sync.inbox.domain.InboxFilter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * One inbox page as SQL: the tenant's rows, only the conditions the filter sets (so the planner sees a plain
 * query), keyset paging on ({@code listed_at}, {@code ksef_number}) descending. Values are always bound, never spliced.
 */
record InboxQuery(String sql, Map<String, Object> parameters) {

    static InboxQuery of(String tenantId, InboxFilter filter, InboxCursor after, int limit) {
        List<String> where = new ArrayList<>(List.of("tenant_id = :tenantId"));
        Map<String, Object> values = new LinkedHashMap<>(Map.of("tenantId", tenantId, "limit", limit));
        add(where, values, "issue_date >= :issuedFrom", "issuedFrom", filter.issuedFrom());
        add(where, values, "issue_date <= :issuedTo", "issuedTo", filter.issuedTo());
        add(where, values, "seller_nip = :sellerNip", "sellerNip", filter.sellerNip());
        add(where, values, "subject_type = :subjectType", "subjectType", filter.subjectType());
        add(where, values, "gross_amount >= :grossFrom", "grossFrom", filter.grossFrom());
        add(where, values, "gross_amount <= :grossTo", "grossTo", filter.grossTo());
        add(where, values, "invoice_number ILIKE :pattern ESCAPE '\\'", "pattern",
                filter.text() == null ? null : "%" + escapeLike(filter.text()) + "%");
        if (after != null) {
            where.add("(listed_at, ksef_number) < (:afterAt, :afterKsef)");
            values.put("afterAt", after.listedAt().atOffset(ZoneOffset.UTC));
            values.put("afterKsef", after.ksefNumber());
        }
        return new InboxQuery("SELECT * FROM sync.inbox WHERE " + String.join(" AND ", where)
                + " ORDER BY listed_at DESC, ksef_number DESC LIMIT :limit", values);
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

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
