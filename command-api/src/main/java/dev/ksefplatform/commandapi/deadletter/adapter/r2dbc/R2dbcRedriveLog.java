package dev.ksefplatform.commandapi.deadletter.adapter.r2dbc;

import dev.ksefplatform.commandapi.deadletter.application.RedriveLog;
import dev.ksefplatform.commandapi.deadletter.domain.Redrive;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link RedriveLog} in {@code gateway.redrives}: the dead letter is the key, so two requests make one row. */
public final class R2dbcRedriveLog implements RedriveLog {

    private static final String COLUMNS = "dead_letter, command_id, tenant_id, correlation_id, operator, note, "
            + "requested_at, published_at";

    private final DatabaseClient db;

    public R2dbcRedriveLog(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Recorded> record(Redrive r) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        INSERT INTO gateway.redrives (dead_letter, command_id, tenant_id, correlation_id, operator, note,
                               state, requested_at)
                        VALUES (:deadLetter, :commandId, :tenantId, :correlationId, :operator, :note, 'RECEIVED', :at)
                        ON CONFLICT (dead_letter) DO NOTHING""")
                .bind("deadLetter", r.deadLetter()).bind("commandId", r.commandId()).bind("tenantId", r.tenantId())
                .bind("correlationId", r.correlationId()).bind("operator", r.operator())
                .bind("at", r.requestedAt().atOffset(ZoneOffset.UTC));
        insert = r.note() == null ? insert.bindNull("note", String.class) : insert.bind("note", r.note());
        return insert.fetch().rowsUpdated().flatMap(inserted -> inserted > 0 ? Mono.just(new Recorded(r, true))
                : of(java.util.List.of(r.deadLetter())).next().map(earlier -> new Recorded(earlier, false)));
    }

    @Override
    public Mono<Void> published(String deadLetter, Instant at) {
        return db.sql("UPDATE gateway.redrives SET state = 'PUBLISHED', published_at = :at WHERE dead_letter = :id"
                        + " AND state = 'RECEIVED'")
                .bind("at", at.atOffset(ZoneOffset.UTC)).bind("id", deadLetter).then();
    }

    @Override
    public Flux<Redrive> unpublished(Instant before, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM gateway.redrives WHERE state = 'RECEIVED' AND requested_at < :before"
                        + " ORDER BY requested_at LIMIT :limit")
                .bind("before", before.atOffset(ZoneOffset.UTC)).bind("limit", limit)
                .map(R2dbcRedriveLog::redrive).all();
    }

    @Override
    public Flux<Redrive> of(Collection<String> deadLetters) {
        if (deadLetters.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT " + COLUMNS + " FROM gateway.redrives WHERE dead_letter = ANY (:ids)")
                .bind("ids", deadLetters.toArray(String[]::new)).map(R2dbcRedriveLog::redrive).all();
    }

    private static Redrive redrive(Readable row) {
        OffsetDateTime published = row.get("published_at", OffsetDateTime.class);
        return new Redrive(row.get("dead_letter", String.class), row.get("command_id", String.class),
                row.get("tenant_id", String.class), row.get("correlation_id", String.class),
                row.get("operator", String.class), row.get("note", String.class),
                row.get("requested_at", OffsetDateTime.class).toInstant(),
                published == null ? null : published.toInstant());
    }
}
