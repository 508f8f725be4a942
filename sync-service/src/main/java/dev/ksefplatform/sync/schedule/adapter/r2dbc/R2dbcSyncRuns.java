package dev.ksefplatform.sync.schedule.adapter.r2dbc;

import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import dev.ksefplatform.sync.schedule.application.SyncRuns;
import dev.ksefplatform.sync.schedule.domain.SyncOrder;
import dev.ksefplatform.sync.schedule.domain.SyncRun;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class R2dbcSyncRuns implements SyncRuns {

    /** The conflict arm locks the row, so of two concurrent claims the second sees the first's run and claims nothing. */
    private static final String CLAIM = """
            INSERT INTO sync.sync_runs AS r (tenant_id, subject_type, running_command_id, running_since,
                last_command_id, last_trigger, last_issued_at)
            VALUES (:tenantId, :subjectType, :commandId, :issuedAt, :commandId, :trigger, :issuedAt)
            ON CONFLICT (tenant_id, subject_type) DO UPDATE SET running_command_id = EXCLUDED.running_command_id,
                running_since = EXCLUDED.running_since, last_command_id = EXCLUDED.last_command_id,
                last_trigger = EXCLUDED.last_trigger, last_issued_at = EXCLUDED.last_issued_at
            WHERE r.running_command_id IS NULL OR r.running_since <= :staleBefore
            RETURNING running_command_id
            """;

    private final DatabaseClient db;

    public R2dbcSyncRuns(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> claim(SyncOrder order, Instant staleBefore) {
        return db.sql(CLAIM).bind("tenantId", order.tenantId()).bind("subjectType", order.subjectType())
                .bind("commandId", order.commandId()).bind("trigger", order.trigger().name())
                .bind("issuedAt", utc(order.issuedAt())).bind("staleBefore", utc(staleBefore))
                .map(row -> true).one().defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> finish(List<FinishedSync> finished) {
        BatchRows<FinishedSync> rows = BatchRows.of(finished).text("tenant_id", FinishedSync::tenantId)
                .text("subject_type", FinishedSync::subjectType).text("command_id", FinishedSync::commandId)
                .timestamp("finished_at", FinishedSync::at);
        return rows.bind(db.sql("UPDATE sync.sync_runs r SET running_command_id = NULL, running_since = NULL,"
                + " last_finished_at = v.finished_at FROM (" + rows.select() + ") v"
                + " WHERE r.tenant_id = v.tenant_id AND r.subject_type = v.subject_type"
                + " AND r.running_command_id = v.command_id")).then();
    }

    @Override
    public Mono<Void> abandon(List<FinishedSync> abandoned) {
        BatchRows<FinishedSync> rows = BatchRows.of(abandoned).text("tenant_id", FinishedSync::tenantId)
                .text("command_id", FinishedSync::commandId).timestamp("finished_at", FinishedSync::at);
        return rows.bind(db.sql("UPDATE sync.sync_runs r SET running_command_id = NULL, running_since = NULL,"
                + " last_finished_at = v.finished_at FROM (" + rows.select() + ") v"
                + " WHERE r.tenant_id = v.tenant_id AND r.running_command_id = v.command_id")).then();
    }

    @Override
    public Mono<SyncRun> find(String tenantId, String subjectType) {
        return db.sql("SELECT * FROM sync.sync_runs WHERE tenant_id = :tenantId AND subject_type = :subjectType")
                .bind("tenantId", tenantId).bind("subjectType", subjectType).map(R2dbcSyncRuns::toRun).one();
    }

    @Override
    public Flux<SyncRun> ofTenant(String tenantId) {
        return db.sql("SELECT * FROM sync.sync_runs WHERE tenant_id = :tenantId").bind("tenantId", tenantId)
                .map(R2dbcSyncRuns::toRun).all();
    }

    @Override
    public Flux<SyncRun> all() {
        return db.sql("SELECT * FROM sync.sync_runs").map(R2dbcSyncRuns::toRun).all();
    }

    static SyncRun toRun(Readable row) {
        return new SyncRun(row.get("tenant_id", String.class), row.get("subject_type", String.class),
                row.get("running_command_id", String.class), instant(row.get("running_since", OffsetDateTime.class)),
                row.get("last_command_id", String.class), row.get("last_trigger", String.class),
                instant(row.get("last_issued_at", OffsetDateTime.class)),
                instant(row.get("last_finished_at", OffsetDateTime.class)));
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
