package dev.ksefplatform.sync.submission.adapter.r2dbc;

import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import dev.ksefplatform.sync.submission.application.ContextHolds;
import dev.ksefplatform.sync.submission.domain.ContextHold;
import dev.ksefplatform.sync.submission.domain.ContextHold.HoldKey;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class R2dbcContextHolds implements ContextHolds {

    private final DatabaseClient db;

    public R2dbcContextHolds(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<ContextHold> findAll(Collection<HoldKey> keys) {
        BatchRows<HoldKey> rows = BatchRows.of(List.copyOf(keys)).text("tenant_id", HoldKey::tenantId)
                .text("context_nip", HoldKey::contextNip).text("environment", HoldKey::environment);
        return rows.bind(db.sql("SELECT h.* FROM sync.submission_holds h JOIN (" + rows.select() + ") k"
                        + " USING (tenant_id, context_nip, environment)"))
                .map(R2dbcContextHolds::toHold).all();
    }

    @Override
    public Mono<Void> saveAll(Collection<ContextHold> holds) {
        if (holds.isEmpty()) {
            return Mono.empty();
        }
        BatchRows<ContextHold> rows = BatchRows.of(List.copyOf(holds)).text("tenant_id", ContextHold::tenantId)
                .text("context_nip", ContextHold::contextNip).text("environment", ContextHold::environment)
                .bool("held", ContextHold::held).text("reason", ContextHold::reason)
                .text("detail", ContextHold::detail).text("limit_group", ContextHold::limitGroup)
                .timestamp("until", ContextHold::until).bigint("queued", ContextHold::queued)
                .text("last_event_id", ContextHold::lastEventId).timestamp("updated_at", ContextHold::updatedAt);
        return rows.bind(db.sql("INSERT INTO sync.submission_holds (" + rows.names() + ") " + rows.select()
                + " ON CONFLICT (tenant_id, context_nip, environment) DO UPDATE SET held = EXCLUDED.held,"
                + " reason = EXCLUDED.reason, detail = EXCLUDED.detail, limit_group = EXCLUDED.limit_group,"
                + " until = EXCLUDED.until, queued = EXCLUDED.queued, last_event_id = EXCLUDED.last_event_id,"
                + " updated_at = EXCLUDED.updated_at")).then();
    }

    @Override
    public Flux<ContextHold> held(String tenantId, String contextNip) {
        return db.sql("SELECT * FROM sync.submission_holds WHERE tenant_id = :tenantId AND held"
                        + " AND (CAST(:contextNip AS text) IS NULL OR context_nip = :contextNip)"
                        + " ORDER BY updated_at DESC")
                .bind("tenantId", tenantId).bind("contextNip", Parameter.fromOrEmpty(contextNip, String.class))
                .map(R2dbcContextHolds::toHold).all();
    }

    private static ContextHold toHold(Readable row) {
        return new ContextHold(row.get("tenant_id", String.class), row.get("context_nip", String.class),
                row.get("environment", String.class), Boolean.TRUE.equals(row.get("held", Boolean.class)),
                row.get("reason", String.class), row.get("detail", String.class),
                row.get("limit_group", String.class), instant(row.get("until", OffsetDateTime.class)),
                row.get("queued", Long.class), row.get("last_event_id", String.class),
                instant(row.get("updated_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
