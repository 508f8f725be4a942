package dev.ksefplatform.sync.schedule.adapter.r2dbc;

import dev.ksefplatform.sync.integration.domain.Integration;
import dev.ksefplatform.sync.schedule.application.SyncCandidates;
import dev.ksefplatform.sync.schedule.domain.SyncCandidate;
import dev.ksefplatform.sync.schedule.domain.SyncRun;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One query: the tenants whose inbox is read (one integration each), times the subject types, with runs and marks. */
public final class R2dbcSyncCandidates implements SyncCandidates {

    private static final String CANDIDATES = """
            SELECT i.integration_id, i.tenant_id, i.environment, i.taxpayer_nip, i.status, i.scopes, i.active_since,
                i.last_event_id, i.updated_at, s.subject_type, r.running_command_id, r.running_since,
                r.last_command_id, r.last_trigger, r.last_issued_at, r.last_finished_at, st.high_water_mark
            FROM (SELECT DISTINCT ON (tenant_id) * FROM sync.integrations
                  WHERE status = 'ACTIVE' AND 'InvoiceRead' = ANY(scopes) %s
                  ORDER BY tenant_id, active_since DESC, integration_id) i
            CROSS JOIN unnest(CAST(:subjects AS text[])) AS s(subject_type)
            LEFT JOIN sync.sync_runs r ON r.tenant_id = i.tenant_id AND r.subject_type = s.subject_type
            LEFT JOIN sync.sync_state st ON st.tenant_id = i.tenant_id AND st.subject_type = s.subject_type
            """;

    private final DatabaseClient db;

    public R2dbcSyncCandidates(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<SyncCandidate> all(List<String> subjectTypes) {
        return db.sql(CANDIDATES.formatted("")).bind("subjects", subjectTypes.toArray(String[]::new))
                .map(R2dbcSyncCandidates::toCandidate).all();
    }

    @Override
    public Mono<SyncCandidate> of(String tenantId, String subjectType) {
        return db.sql(CANDIDATES.formatted("AND tenant_id = :tenantId")).bind("tenantId", tenantId)
                .bind("subjects", new String[] {subjectType}).map(R2dbcSyncCandidates::toCandidate).one();
    }

    private static SyncCandidate toCandidate(Readable row) {
        Integration integration = new Integration(row.get("integration_id", String.class),
                row.get("tenant_id", String.class), row.get("environment", String.class),
                row.get("taxpayer_nip", String.class), row.get("status", String.class),
                Arrays.asList(row.get("scopes", String[].class)),
                R2dbcSyncRuns.instant(row.get("active_since", OffsetDateTime.class)),
                row.get("last_event_id", String.class), R2dbcSyncRuns.instant(row.get("updated_at", OffsetDateTime.class)));
        String subjectType = row.get("subject_type", String.class);
        Optional<SyncRun> run = Optional.ofNullable(row.get("last_command_id", String.class))
                .map(last -> new SyncRun(integration.tenantId(), subjectType, row.get("running_command_id", String.class),
                        R2dbcSyncRuns.instant(row.get("running_since", OffsetDateTime.class)), last,
                        row.get("last_trigger", String.class),
                        R2dbcSyncRuns.instant(row.get("last_issued_at", OffsetDateTime.class)),
                        R2dbcSyncRuns.instant(row.get("last_finished_at", OffsetDateTime.class))));
        return new SyncCandidate(integration, subjectType, run,
                R2dbcSyncRuns.instant(row.get("high_water_mark", OffsetDateTime.class)));
    }
}
