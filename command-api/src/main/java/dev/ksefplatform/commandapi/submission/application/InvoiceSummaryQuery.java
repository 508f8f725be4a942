package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A tenant's submissions counted by status, in total and per UTC day of {@code createdAt}: the same list as
 * {@code GET /api/v1/invoices} (the read model, kept to the gateway's own commands), paged through up to
 * {@code maxRows}; beyond that the counts are of the newest {@code maxRows} and {@code complete} is false.
 */
public final class InvoiceSummaryQuery {

    static final int PAGE = 500;

    private final InvoiceListQuery list;
    private final int maxRows;

    public InvoiceSummaryQuery(InvoiceListQuery list, int maxRows) {
        this.list = list;
        this.maxRows = maxRows;
    }

    public Mono<Map<String, Object>> summary(Tenant tenant, LocalDate from, LocalDate to) {
        SubmissionCounts counts = new SubmissionCounts(from, to);
        return page(tenant, from, to, null, counts, 0).map(complete -> counts.body(complete));
    }

    /** Pages on while the read model has more and the bound allows; true when every row was counted. */
    private Mono<Boolean> page(Tenant tenant, LocalDate from, LocalDate to, String cursor, SubmissionCounts counts,
                               int read) {
        return list.page(tenant, query(from, to, cursor)).flatMap(page -> {
            List<?> items = page.get("items") instanceof List<?> rows ? rows : List.of();
            items.forEach(counts::add);
            int readNow = read + PAGE;
            Object next = page.get("nextCursor");
            if (next == null) {
                return Mono.just(true);
            }
            return readNow >= maxRows ? Mono.just(false) : page(tenant, from, to, next.toString(), counts, readNow);
        });
    }

    private static Map<String, String> query(LocalDate from, LocalDate to, String cursor) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("createdFrom", from.toString());
        query.put("createdTo", to.toString());
        query.put("limit", String.valueOf(PAGE));
        if (cursor != null) {
            query.put("cursor", cursor);
        }
        return query;
    }
}
