package dev.ksefplatform.credentials.outbox.adapter.r2dbc;

import dev.ksefplatform.credentials.outbox.application.Outbox;
import dev.ksefplatform.credentials.outbox.application.OutboxMessage;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code credentials.outbox}; every statement joins the caller's reactive transaction, if any. */
public final class R2dbcOutbox implements Outbox {

    private final DatabaseClient db;

    public R2dbcOutbox(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> append(List<OutboxMessage> messages) {
        return Flux.fromIterable(messages).concatMap(this::insert).then();
    }

    private Mono<Long> insert(OutboxMessage m) {
        return db.sql("INSERT INTO credentials.outbox (message_id, message_key, envelope, created_at) "
                        + "VALUES (:id, :key, :envelope, :created)")
                .bind("id", m.messageId()).bind("key", m.key()).bind("envelope", ByteBuffer.wrap(m.envelope()))
                .bind("created", OffsetDateTime.ofInstant(m.createdAt(), ZoneOffset.UTC))
                .fetch().rowsUpdated();
    }

    @Override
    public Flux<OutboxMessage> unpublished(int limit) {
        return db.sql("SELECT seq, message_id, message_key, envelope, created_at FROM credentials.outbox "
                        + "WHERE published_at IS NULL ORDER BY seq LIMIT :limit")
                .bind("limit", limit).map(R2dbcOutbox::message).all();
    }

    @Override
    public Mono<Void> markPublished(List<Long> seqs, Instant at) {
        return db.sql("UPDATE credentials.outbox SET published_at = :at WHERE seq = ANY(:seqs)")
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("seqs", seqs.toArray(Long[]::new))
                .fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Long> backlog() {
        return db.sql("SELECT count(*) AS n FROM credentials.outbox WHERE published_at IS NULL")
                .map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Mono<Long> forgetPublishedBefore(Instant before, int limit) {
        return db.sql("DELETE FROM credentials.outbox WHERE seq IN (SELECT seq FROM credentials.outbox "
                        + "WHERE published_at < :before ORDER BY published_at LIMIT :limit)")
                .bind("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).bind("limit", limit)
                .fetch().rowsUpdated();
    }

    private static OutboxMessage message(Readable row) {
        ByteBuffer envelope = row.get("envelope", ByteBuffer.class);
        byte[] bytes = new byte[envelope.remaining()];
        envelope.get(bytes);
        return new OutboxMessage(row.get("seq", Long.class), row.get("message_id", String.class),
                row.get("message_key", String.class), bytes, row.get("created_at", OffsetDateTime.class).toInstant());
    }
}
