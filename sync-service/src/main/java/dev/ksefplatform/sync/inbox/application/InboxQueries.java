package dev.ksefplatform.sync.inbox.application;

import dev.ksefplatform.support.paging.CursorNotFound;
import dev.ksefplatform.sync.inbox.domain.ArrivalsSummary;
import dev.ksefplatform.sync.inbox.domain.InboxEntry;
import dev.ksefplatform.sync.inbox.domain.InboxFilter;
import dev.ksefplatform.sync.inbox.domain.RawDocument;
import dev.ksefplatform.support.tenancy.application.TenantScope;
import java.util.List;
import reactor.core.publisher.Mono;

/** A tenant's inbox: pages of normalised rows, one row, and a document as received. Every query is bound to the tenant. */
public final class InboxQueries {

    public static final int MAX_LIMIT = 1000;

    private final InboxEntries inbox;
    private final DocumentStore store;
    private final TenantScope scope;

    public InboxQueries(InboxEntries inbox, DocumentStore store, TenantScope scope) {
        this.inbox = inbox;
        this.store = store;
        this.scope = scope;
    }

    /** One page, newest first; a cursor issued for another tenant is {@link CursorNotFound} (404). */
    public Mono<InboxPage> page(String tenantId, InboxFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        InboxCursor after = cursor == null ? null : InboxCursor.decode(cursor);
        if (after != null && !after.tenantId().equals(tenantId)) {
            return Mono.error(new CursorNotFound());
        }
        return scope.read(tenantId, inbox.page(tenantId, filter, after, limit + 1).collectList())
                .map(rows -> InboxPage.of(rows, limit));
    }

    public Mono<InboxEntry> invoice(String tenantId, String ksefNumber) {
        return scope.read(tenantId, inbox.find(tenantId, ksefNumber))
                .switchIfEmpty(Mono.error(() -> new InboxInvoiceNotFound(ksefNumber)));
    }

    public Mono<RawDocument> document(String tenantId, String ksefNumber) {
        return scope.read(tenantId, store.find(tenantId, ksefNumber))
                .switchIfEmpty(Mono.error(() -> new InboxInvoiceNotFound(ksefNumber)));
    }

    /** Documents that reached the tenant's inbox per UTC day of the period (the dashboard's "inbox arrivals"). */
    public Mono<ArrivalsSummary> arrivals(String tenantId, ArrivalsPeriod period) {
        return scope.read(tenantId, inbox.arrivalsPerDay(tenantId, period.from(), period.to()).collectList())
                .map(days -> ArrivalsSummary.of(period.from(), period.to(), days));
    }

    /** Rows of a page and the cursor of the next one (null on the last page). */
    public record InboxPage(List<InboxEntry> items, String nextCursor) {

        static InboxPage of(List<InboxEntry> rows, int limit) {
            if (rows.size() <= limit) {
                return new InboxPage(rows, null);
            }
            List<InboxEntry> page = rows.subList(0, limit);
            return new InboxPage(List.copyOf(page), InboxCursor.after(page.get(limit - 1)).encode());
        }
    }
}
