package dev.ksefplatform.sync.submission.application;

import dev.ksefplatform.support.paging.CursorNotFound;
import dev.ksefplatform.sync.submission.domain.Submission;
import dev.ksefplatform.sync.submission.domain.SubmissionFilter;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import java.util.List;
import reactor.core.publisher.Mono;

/** Pages of a tenant's submissions, newest first. Every query is bound to the tenant. */
public final class SubmissionListQuery {

    public static final int MAX_LIMIT = 1000;

    private final SubmissionList submissions;
    private final TenantScope scope;

    public SubmissionListQuery(SubmissionList submissions, TenantScope scope) {
        this.submissions = submissions;
        this.scope = scope;
    }

    /** One page; a cursor issued for another tenant is {@link CursorNotFound} (404). */
    public Mono<SubmissionPage> page(String tenantId, SubmissionFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        SubmissionCursor after = cursor == null ? null : SubmissionCursor.decode(cursor);
        if (after != null && !after.tenantId().equals(tenantId)) {
            return Mono.error(new CursorNotFound());
        }
        return scope.read(tenantId, submissions.page(tenantId, filter, after, limit + 1).collectList())
                .map(rows -> SubmissionPage.of(rows, limit));
    }

    /** Rows of a page and the cursor of the next one (null on the last page). */
    public record SubmissionPage(List<Submission> items, String nextCursor) {

        static SubmissionPage of(List<Submission> rows, int limit) {
            if (rows.size() <= limit) {
                return new SubmissionPage(rows, null);
            }
            List<Submission> page = rows.subList(0, limit);
            return new SubmissionPage(List.copyOf(page), SubmissionCursor.after(page.get(limit - 1)).encode());
        }
    }
}
