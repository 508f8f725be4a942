package dev.ksefplatform.sync.schedule.adapter.r2dbc;

import dev.ksefplatform.sync.schedule.application.CommandOutbox;
import dev.ksefplatform.sync.schedule.application.OutboxMessage;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class R2dbcCommandOutbox implements CommandOutbox {

    private final DatabaseClient db;

    public R2dbcCommandOutbox(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> append(OutboxMessage m) {
        return db.sql("INSERT INTO sync.command_outbox (message_id, tenant_id, correlation_id, message_type, source,"
                        + " record, created_at) VALUES (:messageId, :tenantId, :correlationId, :messageType, :source,"
                        + " :record, :createdAt)")
                .bind("messageId", m.messageId()).bind("tenantId", m.tenantId())
                .bind("correlationId", m.correlationId()).bind("messageType", m.messageType())
                .bind("source", m.source()).bind("record", ByteBuffer.wrap(m.record()))
                .bind("createdAt", m.createdAt().atOffset(ZoneOffset.UTC))
                .then();
    }

    @Override
    public Flux<OutboxMessage> lockUnpublished(int limit) {
        return db.sql("SELECT * FROM sync.command_outbox WHERE published_at IS NULL ORDER BY id LIMIT :limit"
                        + " FOR UPDATE SKIP LOCKED")
                .bind("limit", limit).map(R2dbcCommandOutbox::toMessage).all();
    }

    @Override
    public Mono<Void> markPublished(List<Long> ids, Instant at) {
        return db.sql("UPDATE sync.command_outbox SET published_at = :at WHERE id = ANY(CAST(:ids AS bigint[]))")
                .bind("at", at.atOffset(ZoneOffset.UTC)).bind("ids", ids.toArray(Long[]::new)).then();
    }

    @Override
    public Mono<Void> forgetPublishedBefore(Instant before) {
        return db.sql("DELETE FROM sync.command_outbox WHERE published_at < :before")
                .bind("before", before.atOffset(ZoneOffset.UTC)).then();
    }

    private static OutboxMessage toMessage(Readable row) {
        ByteBuffer record = row.get("record", ByteBuffer.class);
        byte[] bytes = new byte[record.remaining()];
        record.get(bytes);
        return new OutboxMessage(row.get("id", Long.class), row.get("message_id", String.class),
                row.get("tenant_id", String.class), row.get("correlation_id", String.class),
                row.get("message_type", String.class), row.get("source", String.class), bytes,
                row.get("created_at", OffsetDateTime.class).toInstant());
    }
}
