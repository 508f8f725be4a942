package dev.ksefplatform.audit.log.application;

import dev.ksefplatform.support.paging.CursorNotFound;
import dev.ksefplatform.audit.log.domain.AuditEntry;
import dev.ksefplatform.audit.log.domain.AuditFilter;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Reads a tenant's audit trail, or the operators' view across tenants, a bounded page at a time. */
public final class AuditQueries {

    public static final int MAX_LIMIT = 1000;

    private final AuditLog log;

    public AuditQueries(AuditLog log) {
        this.log = log;
    }

    /** One page, newest first; a cursor issued for another tenant is {@link CursorNotFound} (404). */
    public Mono<AuditPage> page(String tenantId, AuditFilter filter, String cursor, int limit) {
        checkLimit(limit);
        AuditCursor after = cursor == null ? null : AuditCursor.decode(cursor);
        if (after != null && !after.tenantId().equals(tenantId)) {
            return Mono.error(new CursorNotFound());
        }
        return log.page(tenantId, filter, after, limit + 1).collectList()
                .map(rows -> AuditPage.of(rows, limit, last -> AuditCursor.after(last).encode()));
    }

    /** One page of every tenant's rows ({@code tenantId} null) or one tenant's, newest first, for operators. */
    public Mono<AuditPage> acrossTenants(String tenantId, AuditFilter filter, String cursor, int limit) {
        checkLimit(limit);
        AuditorCursor after = cursor == null ? null : AuditorCursor.decode(cursor);
        return log.pageAcrossTenants(tenantId, filter, after, limit + 1).collectList()
                .map(rows -> AuditPage.of(rows, limit, last -> AuditorCursor.after(last).encode()));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Rows of a page and the cursor of the next one (null on the last page). */
    public record AuditPage(List<AuditEntry> items, String nextCursor) {

        static AuditPage of(List<AuditEntry> rows, int limit, Function<AuditEntry, String> cursorAfter) {
            if (rows.size() <= limit) {
                return new AuditPage(rows, null);
            }
            List<AuditEntry> page = List.copyOf(rows.subList(0, limit));
            return new AuditPage(page, cursorAfter.apply(page.get(limit - 1)));
        }
    }
}
