package dev.ksefplatform.sync.inbox.adapter.r2dbc;

import dev.ksefplatform.sync.inbox.application.SyncStates;
import dev.ksefplatform.sync.inbox.domain.SyncState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

public final class R2dbcSyncStates implements SyncStates {

    private final DatabaseClient db;

    public R2dbcSyncStates(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<SyncState> find(String tenantId, String subjectType) {
        return db.sql("SELECT * FROM sync.sync_state WHERE tenant_id = :tenantId AND subject_type = :subjectType")
                .bind("tenantId", tenantId).bind("subjectType", subjectType)
                .map(row -> new SyncState(row.get("tenant_id", String.class), row.get("subject_type", String.class),
                        instant(row.get("high_water_mark", OffsetDateTime.class)),
                        row.get("last_event_id", String.class), instant(row.get("updated_at", OffsetDateTime.class))))
                .one();
    }

    @Override
    public Mono<Void> save(SyncState s) {
        return db.sql("""
                        INSERT INTO sync.sync_state
                            (tenant_id, subject_type, high_water_mark, last_event_id, updated_at)
                        VALUES (:tenantId, :subjectType, :mark, :eventId, :updatedAt)
                        ON CONFLICT (tenant_id, subject_type) DO UPDATE SET high_water_mark = EXCLUDED.high_water_mark,
                            last_event_id = EXCLUDED.last_event_id, updated_at = EXCLUDED.updated_at
                        """)
                .bind("tenantId", s.tenantId()).bind("subjectType", s.subjectType())
                .bind("mark", Parameter.fromOrEmpty(offset(s.highWaterMark()), OffsetDateTime.class))
                .bind("eventId", s.lastEventId()).bind("updatedAt", offset(s.updatedAt()))
                .then();
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
