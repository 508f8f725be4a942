package dev.ksefplatform.sync.document.adapter.r2dbc;

import dev.ksefplatform.sync.document.application.UpoStore;
import dev.ksefplatform.sync.document.domain.UpoDocument;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** {@code sync.upo_documents}: inserts only; the table's triggers refuse UPDATE, DELETE and TRUNCATE. */
public final class R2dbcUpoStore implements UpoStore {

    /** 7 parameters a row, PostgreSQL takes at most 65,535 a statement. */
    static final int MAX_ROWS = 1000;

    private final DatabaseClient db;

    public R2dbcUpoStore(DatabaseClient db) {
        this.db = db;
    }

    /** One multi-row VALUES statement, every UPO bound as binary (as the received documents are). */
    @Override
    public Mono<Void> appendAll(List<UpoDocument> upos) {
        if (upos.size() > MAX_ROWS) {
            return appendAll(upos.subList(0, MAX_ROWS)).then(appendAll(upos.subList(MAX_ROWS, upos.size())));
        }
        if (upos.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder values = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>(upos.size() * 10);
        for (int i = 0; i < upos.size(); i++) {
            values.append(i == 0 ? "" : ", ").append(("(:tenantId%1$d, :ksefNumber%1$d, :session%1$d, :sha256%1$d,"
                    + " :xml%1$d, :eventId%1$d, :receivedAt%1$d)").formatted(i));
            UpoDocument u = upos.get(i);
            parameters.put("tenantId" + i, u.tenantId());
            parameters.put("ksefNumber" + i, u.ksefNumber());
            parameters.put("session" + i, u.sessionReferenceNumber());
            parameters.put("sha256" + i, u.sha256());
            parameters.put("xml" + i, ByteBuffer.wrap(u.xml()));
            parameters.put("eventId" + i, u.eventId());
            parameters.put("receivedAt" + i, u.receivedAt().atOffset(ZoneOffset.UTC));
        }
        return db.sql("INSERT INTO sync.upo_documents (tenant_id, ksef_number, session_reference_number, sha256,"
                + " upo_xml, event_id, received_at) VALUES " + values
                + " ON CONFLICT (tenant_id, ksef_number) DO NOTHING").bindValues(parameters).then();
    }

    @Override
    public Mono<UpoDocument> find(String tenantId, String ksefNumber) {
        return db.sql("SELECT * FROM sync.upo_documents WHERE tenant_id = :tenantId AND ksef_number = :ksefNumber")
                .bind("tenantId", tenantId).bind("ksefNumber", ksefNumber)
                .map(R2dbcUpoStore::toUpo).one();
    }

    private static UpoDocument toUpo(Readable row) {
        ByteBuffer xml = row.get("upo_xml", ByteBuffer.class);
        byte[] bytes = new byte[xml.remaining()];
        xml.get(bytes);
        return new UpoDocument(row.get("tenant_id", String.class), row.get("ksef_number", String.class),
                row.get("session_reference_number", String.class), row.get("sha256", String.class), bytes,
                row.get("event_id", String.class), row.get("received_at", OffsetDateTime.class).toInstant());
    }
}
