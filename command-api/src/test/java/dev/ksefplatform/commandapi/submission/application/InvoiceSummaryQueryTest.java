package dev.ksefplatform.commandapi.submission.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import dev.ksefplatform.commandapi.tenant.domain.TenantStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The summary's paging and its bound, over a read model of pages of 500 rows (the real one: ReadSideApiIT). */
class InvoiceSummaryQueryTest {

    private static final Tenant TENANT = new Tenant(UUID.randomUUID().toString(), "T", "1234567890",
            TenantStatus.ACTIVE, Instant.EPOCH);
    private static final LocalDate FROM = LocalDate.parse("2026-11-20");
    private static final LocalDate TO = LocalDate.parse("2026-11-21");

    @Test
    void countsEveryRowOfEveryPageByStatusAndDay() {
        Pages pages = new Pages(1_200);

        Map<String, Object> summary = new InvoiceSummaryQuery(new InvoiceListQuery(pages, new OwnsAll(), () -> Instant.EPOCH), 10_000)
                .summary(TENANT, FROM, TO).block();

        assertThat(summary).containsEntry("total", 1_200L).containsEntry("complete", true)
                .containsEntry("byStatus", Map.of("ACCEPTED", 600L, "REJECTED", 600L));
        assertThat(summary.get("byDay")).isEqualTo(List.of(
                Map.of("date", "2026-11-20", "byStatus", Map.of("ACCEPTED", 600L)),
                Map.of("date", "2026-11-21", "byStatus", Map.of("REJECTED", 600L))));
        assertThat(pages.asked).hasSize(3).allSatisfy(query -> assertThat(query)
                .containsEntry("createdFrom", "2026-11-20").containsEntry("createdTo", "2026-11-21")
                .containsEntry("limit", "500"));
    }

    @Test
    void stopsAtTheBoundAndSaysTheCountsAreIncomplete() {
        Pages pages = new Pages(5_000);

        Map<String, Object> summary = new InvoiceSummaryQuery(new InvoiceListQuery(pages, new OwnsAll(), () -> Instant.EPOCH), 1_000)
                .summary(TENANT, FROM, TO).block();

        assertThat(summary).containsEntry("total", 1_000L).containsEntry("complete", false);
        assertThat(pages.asked).hasSize(2);
    }

    /** {@code rows} rows, half on each day, one status per day, in pages of the size asked; the cursor is the offset. */
    private static final class Pages implements SubmissionListing {

        private final int rows;
        private final List<Map<String, String>> asked = new ArrayList<>();

        Pages(int rows) {
            this.rows = rows;
        }

        @Override
        public Mono<Map<String, Object>> page(String tenantId, Map<String, String> query) {
            asked.add(query);
            int offset = Integer.parseInt(query.getOrDefault("cursor", "0"));
            int end = Math.min(rows, offset + Integer.parseInt(query.get("limit")));
            List<Object> items = new ArrayList<>();
            for (int i = offset; i < end; i++) {
                boolean first = i % 2 == 0;
                items.add(Map.of("commandId", UUID.randomUUID().toString(), "status", first ? "ACCEPTED" : "REJECTED",
                        "createdAt", first ? "2026-11-20T10:00:00Z" : "2026-11-21T23:59:59Z"));
            }
            Map<String, Object> page = new HashMap<>();
            page.put("items", items);
            page.put("nextCursor", end < rows ? String.valueOf(end) : null);
            return Mono.just(page);
        }
    }

    private static final class OwnsAll extends UnusedCommandLog {

        @Override
        public Flux<String> owned(String tenantId, Collection<String> commandIds) {
            return Flux.fromIterable(commandIds);
        }
    }
}
