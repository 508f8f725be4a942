package dev.ksefplatform.sync.inbox.adapter.r2dbc;

import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import dev.ksefplatform.sync.inbox.application.SyncStates;
import dev.ksefplatform.sync.inbox.domain.SyncState;
import dev.ksefplatform.sync.inbox.domain.SyncState.SyncKey;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class R2dbcSyncStates implements SyncStates {

    private final DatabaseClient db;

    public R2dbcSyncStates(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<SyncState> findAll(Collection<SyncKey> keys) {
        BatchRows<SyncKey> rows = BatchRows.of(List.copyOf(keys)).text("tenant_id", SyncKey::tenantId)
                .text("subject_type", SyncKey::subjectType);
        return rows.bind(db.sql("SELECT s.* FROM sync.sync_state s JOIN (" + rows.select() + ") k"
                + " USING (tenant_id, subject_type)")).map(R2dbcSyncStates::toState).all();
    }

    @Override
    public Mono<Void> saveAll(Collection<SyncState> states) {
        if (states.isEmpty()) {
            return Mono.empty();
        }
        BatchRows<SyncState> rows = BatchRows.of(List.copyOf(states)).text("tenant_id", SyncState::tenantId)
                .text("subject_type", SyncState::subjectType).timestamp("high_water_mark", SyncState::highWaterMark)
                .timestamp("last_success_at", SyncState::lastSuccessAt)
                .timestamp("last_attempt_at", SyncState::lastAttemptAt)
                .integer("consecutive_failures", SyncState::consecutiveFailures)
                .text("last_failure_reason", SyncState::lastFailureReason)
                .text("last_event_id", SyncState::lastEventId).timestamp("updated_at", SyncState::updatedAt);
        return rows.bind(db.sql("INSERT INTO sync.sync_state (" + rows.names() + ") " + rows.select()
                + " ON CONFLICT (tenant_id, subject_type) DO UPDATE SET high_water_mark = EXCLUDED.high_water_mark,"
                + " last_success_at = EXCLUDED.last_success_at, last_attempt_at = EXCLUDED.last_attempt_at,"
                + " consecutive_failures = EXCLUDED.consecutive_failures,"
                + " last_failure_reason = EXCLUDED.last_failure_reason, last_event_id = EXCLUDED.last_event_id,"
                + " updated_at = EXCLUDED.updated_at")).then();
    }

    @Override
    public Flux<SyncState> ofTenant(String tenantId) {
        return db.sql("SELECT * FROM sync.sync_state WHERE tenant_id = :tenantId").bind("tenantId", tenantId)
                .map(R2dbcSyncStates::toState).all();
    }

    private static SyncState toState(Readable row) {
        return new SyncState(row.get("tenant_id", String.class), row.get("subject_type", String.class),
                instant(row.get("high_water_mark", OffsetDateTime.class)),
                instant(row.get("last_success_at", OffsetDateTime.class)),
                instant(row.get("last_attempt_at", OffsetDateTime.class)),
                row.get("consecutive_failures", Integer.class), row.get("last_failure_reason", String.class),
                row.get("last_event_id", String.class), instant(row.get("updated_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
