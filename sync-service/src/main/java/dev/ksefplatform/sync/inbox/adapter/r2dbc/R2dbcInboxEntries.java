package dev.ksefplatform.sync.inbox.adapter.r2dbc;

import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import dev.ksefplatform.sync.inbox.application.InboxCursor;
import dev.ksefplatform.sync.inbox.application.InboxEntries;
import dev.ksefplatform.sync.inbox.domain.DailyArrivals;
import dev.ksefplatform.sync.inbox.domain.Direction;
import dev.ksefplatform.sync.inbox.domain.InboxEntry;
import dev.ksefplatform.sync.inbox.domain.InboxFilter;
import dev.ksefplatform.sync.inbox.domain.InvoiceFacts;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class R2dbcInboxEntries implements InboxEntries {

    private final DatabaseClient db;

    public R2dbcInboxEntries(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insertAll(List<InboxEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        BatchRows<InboxEntry> rows = BatchRows.of(entries).text("tenant_id", InboxEntry::tenantId)
                .text("ksef_number", InboxEntry::ksefNumber).text("subject_type", InboxEntry::subjectType)
                .text("direction", e -> e.direction().name()).text("seller_nip", facts(InvoiceFacts::sellerNip))
                .text("seller_name", facts(InvoiceFacts::sellerName)).text("buyer_nip", facts(InvoiceFacts::buyerNip))
                .text("buyer_name", facts(InvoiceFacts::buyerName))
                .text("invoice_number", facts(InvoiceFacts::invoiceNumber))
                .date("issue_date", facts(InvoiceFacts::issueDate)).text("invoice_type", facts(InvoiceFacts::invoiceType))
                .text("currency", facts(InvoiceFacts::currency)).numeric("net_amount", facts(InvoiceFacts::net))
                .numeric("vat_amount", facts(InvoiceFacts::vat)).numeric("gross_amount", facts(InvoiceFacts::gross))
                .timestamp("permanent_storage_date", InboxEntry::permanentStorageDate)
                .timestamp("listed_at", InboxEntry::listedAt).timestamp("received_at", InboxEntry::receivedAt)
                .text("sha256", InboxEntry::sha256).text("parse_problem", InboxEntry::parseProblem);
        return rows.bind(db.sql("INSERT INTO sync.inbox (" + rows.names() + ") " + rows.select()
                + " ON CONFLICT (tenant_id, ksef_number) DO NOTHING")).then();
    }

    @Override
    public Mono<InboxEntry> find(String tenantId, String ksefNumber) {
        return db.sql("SELECT * FROM sync.inbox WHERE tenant_id = :tenantId AND ksef_number = :ksefNumber")
                .bind("tenantId", tenantId).bind("ksefNumber", ksefNumber)
                .map(R2dbcInboxEntries::toEntry).one();
    }

    @Override
    public Flux<InboxEntry> page(String tenantId, InboxFilter filter, InboxCursor after, int limit) {
        InboxQuery query = InboxQuery.of(tenantId, filter, after, limit);
        return query.bind(db.sql(query.sql())).map(R2dbcInboxEntries::toEntry).all();
    }

    /** One grouped scan of the tenant's listing index; bounds are instants, so the index on listed_at serves it. */
    @Override
    public Flux<DailyArrivals> arrivalsPerDay(String tenantId, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT (listed_at AT TIME ZONE 'UTC')::date AS day, count(*) AS arrivals FROM sync.inbox
                        WHERE tenant_id = :tenantId AND listed_at >= :from AND listed_at < :until
                        GROUP BY 1 ORDER BY 1""")
                .bind("tenantId", tenantId).bind("from", from.atStartOfDay().atOffset(ZoneOffset.UTC))
                .bind("until", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .map(row -> new DailyArrivals(row.get("day", LocalDate.class), row.get("arrivals", Long.class))).all();
    }

    private static <V> Function<InboxEntry, V> facts(Function<InvoiceFacts, V> field) {
        return entry -> field.apply(entry.facts());
    }

    private static InboxEntry toEntry(Readable row) {
        InvoiceFacts facts = new InvoiceFacts(row.get("seller_nip", String.class), row.get("seller_name", String.class),
                row.get("buyer_nip", String.class), row.get("buyer_name", String.class),
                row.get("invoice_number", String.class), row.get("issue_date", LocalDate.class),
                row.get("invoice_type", String.class), row.get("currency", String.class),
                row.get("net_amount", BigDecimal.class), row.get("vat_amount", BigDecimal.class),
                row.get("gross_amount", BigDecimal.class));
        return new InboxEntry(row.get("tenant_id", String.class), row.get("ksef_number", String.class),
                row.get("subject_type", String.class), Direction.valueOf(row.get("direction", String.class)), facts,
                instant(row.get("permanent_storage_date", OffsetDateTime.class)),
                instant(row.get("listed_at", OffsetDateTime.class)), instant(row.get("received_at", OffsetDateTime.class)),
                row.get("sha256", String.class), row.get("parse_problem", String.class));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
