package dev.ksefplatform.audit.log.adapter.r2dbc;

import dev.ksefplatform.audit.log.application.AuditLog;
import dev.ksefplatform.audit.log.domain.AuditEntry;
import dev.ksefplatform.audit.log.domain.AuditedEvent;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class R2dbcAuditLog implements AuditLog {

    private static final String INSERT = """
            INSERT INTO audit.audit_log (event_id, tenant_id, event_type, correlation_id, causation_id, occurred_at,
                source, operation, tenant_nip, provider_nip, http_status, duration_ms, error, recorded_at)
            VALUES (:eventId, :tenantId, :eventType, :correlationId, :causationId, :occurredAt, :source, :operation,
                :tenantNip, :providerNip, :httpStatus, :durationMs, :error, :recordedAt)
            ON CONFLICT (event_id) DO NOTHING
            """;
    private static final String LATEST = """
            SELECT * FROM audit.audit_log WHERE tenant_id = :tenantId
            ORDER BY occurred_at DESC, recorded_at DESC, event_id DESC LIMIT :limit
            """;

    private final DatabaseClient db;

    public R2dbcAuditLog(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> holds(String eventId) {
        return db.sql("SELECT 1 FROM audit.audit_log WHERE event_id = :eventId").bind("eventId", eventId)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    @Override
    public Mono<Void> append(AuditEntry entry) {
        AuditedEvent e = entry.event();
        return db.sql(INSERT)
                .bind("eventId", e.eventId()).bind("tenantId", e.tenantId()).bind("eventType", e.eventType())
                .bind("correlationId", e.correlationId())
                .bind("causationId", Parameter.fromOrEmpty(e.causationId(), String.class))
                .bind("occurredAt", offset(e.occurredAt())).bind("source", e.source())
                .bind("operation", e.operation())
                .bind("tenantNip", Parameter.fromOrEmpty(e.tenantNip(), String.class))
                .bind("providerNip", Parameter.fromOrEmpty(e.providerNip(), String.class))
                .bind("httpStatus", Parameter.fromOrEmpty(e.httpStatus(), Integer.class))
                .bind("durationMs", Parameter.fromOrEmpty(e.durationMillis(), Long.class))
                .bind("error", Parameter.fromOrEmpty(e.error(), String.class))
                .bind("recordedAt", offset(entry.recordedAt()))
                .then();
    }

    @Override
    public Flux<AuditEntry> latest(String tenantId, int limit) {
        return db.sql(LATEST).bind("tenantId", tenantId).bind("limit", limit).map(R2dbcAuditLog::toEntry).all();
    }

    private static AuditEntry toEntry(Readable row) {
        AuditedEvent event = new AuditedEvent(row.get("event_id", String.class), row.get("tenant_id", String.class),
                row.get("event_type", String.class), row.get("correlation_id", String.class),
                row.get("causation_id", String.class), instant(row.get("occurred_at", OffsetDateTime.class)),
                row.get("source", String.class), row.get("operation", String.class),
                row.get("tenant_nip", String.class), row.get("provider_nip", String.class),
                row.get("http_status", Integer.class), row.get("duration_ms", Long.class),
                row.get("error", String.class));
        return new AuditEntry(event, instant(row.get("recorded_at", OffsetDateTime.class)));
    }

    private static OffsetDateTime offset(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
