package dev.ksefplatform.sync.inbox.adapter.r2dbc;

import dev.ksefplatform.sync.inbox.application.InboxDocuments;
import dev.ksefplatform.sync.inbox.domain.InboxDocument;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class R2dbcInboxDocuments implements InboxDocuments {

    private static final String INSERT = """
            INSERT INTO sync.inbox (tenant_id, ksef_number, subject_type, seller_nip, invoice_number, issue_date,
                permanent_storage_date, invoice_hash, xml, event_id, received_at)
            VALUES (:tenantId, :ksefNumber, :subjectType, :sellerNip, :invoiceNumber, :issueDate, :storedAt,
                :hash, :xml, :eventId, :receivedAt)
            ON CONFLICT (tenant_id, ksef_number) DO NOTHING
            """;
    private static final String LATEST = """
            SELECT tenant_id, ksef_number, subject_type, seller_nip, invoice_number, issue_date,
                permanent_storage_date, invoice_hash, event_id, received_at
            FROM sync.inbox WHERE tenant_id = :tenantId
            ORDER BY permanent_storage_date DESC NULLS LAST, received_at DESC LIMIT :limit
            """;

    private final DatabaseClient db;

    public R2dbcInboxDocuments(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> holds(String tenantId, String ksefNumber) {
        return db.sql("SELECT 1 FROM sync.inbox WHERE tenant_id = :tenantId AND ksef_number = :ksefNumber")
                .bind("tenantId", tenantId).bind("ksefNumber", ksefNumber)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> insert(InboxDocument d) {
        return db.sql(INSERT)
                .bind("tenantId", d.tenantId()).bind("ksefNumber", d.ksefNumber())
                .bind("subjectType", d.subjectType()).bind("sellerNip", d.sellerNip())
                .bind("invoiceNumber", Parameter.fromOrEmpty(d.invoiceNumber(), String.class))
                .bind("issueDate", Parameter.fromOrEmpty(d.issueDate(), LocalDate.class))
                .bind("storedAt", Parameter.fromOrEmpty(offset(d.permanentStorageDate()), OffsetDateTime.class))
                .bind("hash", d.invoiceHash()).bind("xml", ByteBuffer.wrap(d.xml()))
                .bind("eventId", d.eventId()).bind("receivedAt", offset(d.receivedAt()))
                .then();
    }

    @Override
    public Flux<InboxDocument> latest(String tenantId, int limit) {
        return db.sql(LATEST).bind("tenantId", tenantId).bind("limit", limit)
                .map(R2dbcInboxDocuments::withoutXml).all();
    }

    private static InboxDocument withoutXml(Readable row) {
        return new InboxDocument(row.get("tenant_id", String.class), row.get("ksef_number", String.class),
                row.get("subject_type", String.class), row.get("seller_nip", String.class),
                row.get("invoice_number", String.class), row.get("issue_date", LocalDate.class),
                instant(row.get("permanent_storage_date", OffsetDateTime.class)), row.get("invoice_hash", String.class),
                new byte[0], row.get("event_id", String.class), instant(row.get("received_at", OffsetDateTime.class)));
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
