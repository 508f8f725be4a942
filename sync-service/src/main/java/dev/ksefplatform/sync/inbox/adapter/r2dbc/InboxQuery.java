package dev.ksefplatform.sync.inbox.adapter.r2dbc;

import dev.ksefplatform.sync.inbox.application.InboxCursor;
import dev.ksefplatform.sync.inbox.domain.InboxFilter;
import dev.ksefplatform.support.paging.KeysetQuery;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * One inbox page as SQL: the tenant's rows, only the conditions the filter sets (so the planner sees a plain
 * query), keyset paging on ({@code listed_at}, {@code ksef_number}) descending. Values are always bound, never spliced.
 */
record InboxQuery(KeysetQuery query) {

    static InboxQuery of(String tenantId, InboxFilter filter, InboxCursor after, int limit) {
        KeysetQuery query = KeysetQuery.forTenant(tenantId, limit);
        query.when("issue_date >= :issuedFrom", "issuedFrom", filter.issuedFrom());
        query.when("issue_date <= :issuedTo", "issuedTo", filter.issuedTo());
        query.when("seller_nip = :sellerNip", "sellerNip", filter.sellerNip());
        query.when("subject_type = :subjectType", "subjectType", filter.subjectType());
        query.when("gross_amount >= :grossFrom", "grossFrom", filter.grossFrom());
        query.when("gross_amount <= :grossTo", "grossTo", filter.grossTo());
        query.when("invoice_number ILIKE :pattern ESCAPE '\\'", "pattern",
                filter.text() == null ? null : "%" + escapeLike(filter.text()) + "%");
        if (after != null) {
            query.after("listed_at", "ksef_number", after.listedAt(), after.ksefNumber());
        }
        return new InboxQuery(query);
    }

    String sql() {
        return query.sql("sync.inbox", "listed_at", "ksef_number");
    }

    GenericExecuteSpec bind(GenericExecuteSpec spec) {
        return query.bind(spec);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
