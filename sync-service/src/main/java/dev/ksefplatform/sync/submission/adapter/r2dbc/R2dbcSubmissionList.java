package dev.ksefplatform.sync.submission.adapter.r2dbc;

import dev.ksefplatform.support.paging.KeysetQuery;
import dev.ksefplatform.sync.submission.application.SubmissionCursor;
import dev.ksefplatform.sync.submission.application.SubmissionList;
import dev.ksefplatform.sync.submission.domain.Submission;
import dev.ksefplatform.sync.submission.domain.SubmissionFilter;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
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
        KeysetQuery query = KeysetQuery.forTenant(tenantId, limit)
                .when("status = :status", "status", filter.status() == null ? null : filter.status().name())
                .when("invoice_number = :invoiceNumber", "invoiceNumber", filter.invoiceNumber())
                .when("created_at >= :from", "from",
                        filter.createdFrom() == null ? null : filter.createdFrom().atStartOfDay().atOffset(ZoneOffset.UTC))
                .when("created_at < :to", "to", filter.createdTo() == null ? null
                        : filter.createdTo().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        if (after != null) {
            query.after("created_at", "command_id", after.createdAt(), after.commandId());
        }
        return query.bind(db.sql(query.sql("sync.submissions", "created_at", "command_id")))
                .map(R2dbcSubmissions::toSubmission).all();
    }
}
