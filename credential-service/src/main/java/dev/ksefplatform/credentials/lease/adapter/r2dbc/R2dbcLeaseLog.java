package dev.ksefplatform.credentials.lease.adapter.r2dbc;

import dev.ksefplatform.credentials.lease.application.LeaseLog;
import dev.ksefplatform.credentials.lease.application.LeaseRecord;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Appends every lease decision to {@code credentials.leases}. */
public final class R2dbcLeaseLog implements LeaseLog {

    /**
     * A granted lease marks its integration used in the same statement, at most once a minute: no row of its own, and
     * a busy integration's row is rewritten once a minute, not per lease.
     */
    private static final String MARK_USED = "WITH used AS (UPDATE credentials.integrations SET last_used_at = :at "
            + "WHERE id = :integration AND (last_used_at IS NULL OR last_used_at <= :at - interval '1 minute')) ";

    private final DatabaseClient db;

    public R2dbcLeaseLog(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> record(LeaseRecord r) {
        var request = r.request();
        boolean used = r.outcome() == LeaseRecord.Outcome.GRANTED && r.integrationId() != null;
        DatabaseClient.GenericExecuteSpec spec = db.sql((used ? MARK_USED : "") + "INSERT INTO credentials.leases "
                        + "(lease_id, caller, tenant_id, environment, context_nip, purpose, integration_id, requested_at, "
                        + "outcome, reason) VALUES "
                        + "(:lease, :caller, :tenant, :env, :nip, :purpose, :integration, :at, :outcome, :reason)")
                .bind("lease", UUID.fromString(r.leaseId())).bind("caller", request.caller())
                .bind("tenant", request.tenantId()).bind("env", request.environment())
                .bind("nip", request.contextNip()).bind("purpose", request.purpose())
                .bind("at", r.requestedAt().atOffset(ZoneOffset.UTC)).bind("outcome", r.outcome().name());
        spec = r.integrationId() == null ? spec.bindNull("integration", UUID.class)
                : spec.bind("integration", UUID.fromString(r.integrationId()));
        spec = r.reason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", r.reason());
        return spec.fetch().rowsUpdated().then();
    }
}
