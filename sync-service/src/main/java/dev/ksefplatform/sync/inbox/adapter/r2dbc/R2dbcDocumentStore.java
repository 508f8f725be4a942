package dev.ksefplatform.sync.inbox.adapter.r2dbc;

import dev.ksefplatform.sync.inbox.application.DocumentStore;
import dev.ksefplatform.sync.inbox.domain.Direction;
import dev.ksefplatform.sync.inbox.domain.RawDocument;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

/** {@code sync.documents_raw}: inserts only; the table's triggers refuse UPDATE, DELETE and TRUNCATE. */
public final class R2dbcDocumentStore implements DocumentStore {

    /** 9 parameters a row, PostgreSQL takes at most 65,535 a statement. */
    static final int MAX_ROWS = 1000;

    private final DatabaseClient db;

    public R2dbcDocumentStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * One multi-row VALUES statement, every document's XML bound as binary: as an array of text the driver would
     * escape-check every character of every document (the largest cost of a rebuild when it did).
     */
    @Override
    public Mono<Void> appendAll(List<RawDocument> documents) {
        if (documents.size() > MAX_ROWS) {
            return appendAll(documents.subList(0, MAX_ROWS)).then(appendAll(documents.subList(MAX_ROWS, documents.size())));
        }
        if (documents.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            values.append(i == 0 ? "" : ", ").append(("(:tenantId%1$d, :ksefNumber%1$d, :direction%1$d, :subjectType%1$d,"
                    + " :acquisitionDate%1$d, :sha256%1$d, :xml%1$d, :eventId%1$d, :receivedAt%1$d)").formatted(i));
        }
        Map<String, Object> parameters = new HashMap<>(documents.size() * 12);
        for (int i = 0; i < documents.size(); i++) {
            RawDocument d = documents.get(i);
            parameters.put("tenantId" + i, d.tenantId());
            parameters.put("ksefNumber" + i, d.ksefNumber());
            parameters.put("direction" + i, d.direction().name());
            parameters.put("subjectType" + i, d.subjectType());
            parameters.put("acquisitionDate" + i, Parameter.fromOrEmpty(utc(d.acquisitionDate()), OffsetDateTime.class));
            parameters.put("sha256" + i, d.sha256());
            parameters.put("xml" + i, ByteBuffer.wrap(d.xml()));
            parameters.put("eventId" + i, d.eventId());
            parameters.put("receivedAt" + i, utc(d.receivedAt()));
        }
        // one bindValues: each bind(name, value) copies every binding made so far, quadratic in a 9,000-value statement
        return db.sql("INSERT INTO sync.documents_raw (tenant_id, ksef_number, direction, subject_type,"
                + " acquisition_date, sha256, raw_xml, event_id, received_at) VALUES " + values
                + " ON CONFLICT (tenant_id, ksef_number) DO NOTHING").bindValues(parameters).then();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
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
