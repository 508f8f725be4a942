package dev.ksefplatform.sync.inbox.adapter.r2dbc;

import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import dev.ksefplatform.sync.inbox.application.DocumentStore;
import dev.ksefplatform.sync.inbox.domain.Direction;
import dev.ksefplatform.sync.inbox.domain.RawDocument;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** {@code sync.documents_raw}: inserts only; the table's triggers refuse UPDATE, DELETE and TRUNCATE. */
public final class R2dbcDocumentStore implements DocumentStore {

    private final DatabaseClient db;

    public R2dbcDocumentStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> appendAll(List<RawDocument> documents) {
        if (documents.isEmpty()) {
            return Mono.empty();
        }
        BatchRows<RawDocument> rows = BatchRows.of(documents).text("tenant_id", RawDocument::tenantId)
                .text("ksef_number", RawDocument::ksefNumber).text("direction", d -> d.direction().name())
                .text("subject_type", RawDocument::subjectType).timestamp("acquisition_date", RawDocument::acquisitionDate)
                .text("sha256", RawDocument::sha256).bytes("raw_xml", RawDocument::xml)
                .text("event_id", RawDocument::eventId).timestamp("received_at", RawDocument::receivedAt);
        return rows.bind(db.sql("INSERT INTO sync.documents_raw (" + rows.names() + ") " + rows.select()
                + " ON CONFLICT (tenant_id, ksef_number) DO NOTHING")).then();
    }

    @Override
    public Mono<RawDocument> find(String tenantId, String ksefNumber) {
        return db.sql("SELECT * FROM sync.documents_raw WHERE tenant_id = :tenantId AND ksef_number = :ksefNumber")
                .bind("tenantId", tenantId).bind("ksefNumber", ksefNumber)
                .map(R2dbcDocumentStore::toDocument).one();
    }

    private static RawDocument toDocument(Readable row) {
        ByteBuffer xml = row.get("raw_xml", ByteBuffer.class);
        byte[] bytes = new byte[xml.remaining()];
        xml.get(bytes);
        return new RawDocument(row.get("tenant_id", String.class), row.get("ksef_number", String.class),
                Direction.valueOf(row.get("direction", String.class)), row.get("subject_type", String.class),
                instant(row.get("acquisition_date", OffsetDateTime.class)), row.get("sha256", String.class), bytes,
                row.get("event_id", String.class), instant(row.get("received_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
