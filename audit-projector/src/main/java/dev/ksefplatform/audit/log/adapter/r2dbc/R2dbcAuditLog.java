package dev.ksefplatform.audit.log.adapter.r2dbc;

import dev.ksefplatform.audit.log.application.AuditCursor;
import dev.ksefplatform.audit.log.application.AuditLog;
import dev.ksefplatform.audit.log.application.AuditorCursor;
import dev.ksefplatform.audit.log.domain.Actor;
import dev.ksefplatform.audit.log.domain.AuditEntry;
import dev.ksefplatform.audit.log.domain.AuditFilter;
import dev.ksefplatform.audit.log.domain.AuditedEvent;
import dev.ksefplatform.audit.log.domain.KsefCall;
import dev.ksefplatform.support.projection.adapter.r2dbc.BatchRows;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class R2dbcAuditLog implements AuditLog {

    private final DatabaseClient db;
    private final TenantScope tenants;

    public R2dbcAuditLog(DatabaseClient db, TenantScope tenants) {
        this.db = db;
        this.tenants = tenants;
    }

    @Override
    public Mono<Void> appendAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        BatchRows<AuditEntry> rows = rows(entries);
        return rows.bind(db.sql("INSERT INTO audit.audit_log (" + rows.names() + ") " + rows.select()
                + " ON CONFLICT (event_id) DO NOTHING")).then();
    }

    private static BatchRows<AuditEntry> rows(List<AuditEntry> entries) {
        return BatchRows.of(entries)
                .text("event_id", event(AuditedEvent::eventId)).text("tenant_id", event(AuditedEvent::tenantId))
                .text("event_type", event(AuditedEvent::eventType))
                .text("correlation_id", event(AuditedEvent::correlationId))
                .text("causation_id", event(AuditedEvent::causationId))
                .timestamp("occurred_at", event(AuditedEvent::occurredAt)).text("source", event(AuditedEvent::source))
                .text("operation", event(AuditedEvent::operation)).text("tenant_nip", event(AuditedEvent::tenantNip))
                .text("provider_nip", event(AuditedEvent::providerNip))
                .integer("http_status", event(AuditedEvent::httpStatus))
                .bigint("duration_ms", event(AuditedEvent::durationMillis)).text("error", event(AuditedEvent::error))
                .text("integration_id", event(AuditedEvent::integrationId))
                .integer("ksef_code", event(AuditedEvent::ksefCode))
                .text("actor_type", actor(Actor::type)).text("actor_id", actor(Actor::id))
                .text("actor_on_behalf_of", actor(Actor::onBehalfOf))
                .text("method", call(KsefCall::method)).text("endpoint", call(KsefCall::endpoint))
                .integer("calls", call(KsefCall::calls)).timestamp("first_call_at", call(KsefCall::firstCallAt))
                .text("session_reference_number", call(KsefCall::sessionReferenceNumber))
                .timestamp("recorded_at", AuditEntry::recordedAt);
    }

    @Override
    public Flux<AuditEntry> page(String tenantId, AuditFilter filter, AuditCursor after, int limit) {
        AuditQuery query = AuditQuery.of(tenantId, filter, after, limit);
        return tenants.read(tenantId, query.bind(db.sql(query.sql())).map(R2dbcAuditLog::toEntry).all());
    }

    @Override
    public Flux<AuditEntry> pageAcrossTenants(String tenantId, AuditFilter filter, AuditorCursor after, int limit) {
        AuditQuery query = AuditQuery.acrossTenants(tenantId, filter, after, limit);
        return tenants.acrossTenants(query.bind(db.sql(query.sql())).map(R2dbcAuditLog::toEntry).all());
    }

    private static <V> Function<AuditEntry, V> event(Function<AuditedEvent, V> field) {
        return entry -> field.apply(entry.event());
    }

    private static Function<AuditEntry, String> actor(Function<Actor, String> field) {
        return entry -> entry.event().actor() == null ? null : field.apply(entry.event().actor());
    }

    private static <V> Function<AuditEntry, V> call(Function<KsefCall, V> field) {
        return entry -> entry.event().ksefCall() == null ? null : field.apply(entry.event().ksefCall());
    }

    private static AuditEntry toEntry(Readable row) {
        String actorType = row.get("actor_type", String.class);
        Actor actor = actorType == null ? null : new Actor(actorType, row.get("actor_id", String.class),
                row.get("actor_on_behalf_of", String.class));
        AuditedEvent event = new AuditedEvent(row.get("event_id", String.class), row.get("tenant_id", String.class),
                row.get("event_type", String.class), row.get("correlation_id", String.class),
                row.get("causation_id", String.class), instant(row.get("occurred_at", OffsetDateTime.class)),
                row.get("source", String.class), row.get("operation", String.class),
                row.get("tenant_nip", String.class), row.get("provider_nip", String.class),
                row.get("http_status", Integer.class), row.get("duration_ms", Long.class),
                row.get("error", String.class), row.get("integration_id", String.class),
                row.get("ksef_code", Integer.class), actor, ksefCall(row));
        return new AuditEntry(event, instant(row.get("recorded_at", OffsetDateTime.class)));
    }

    private static KsefCall ksefCall(Readable row) {
        String method = row.get("method", String.class);
        return method == null ? null : new KsefCall(method, row.get("endpoint", String.class),
                row.get("calls", Integer.class), instant(row.get("first_call_at", OffsetDateTime.class)),
                row.get("session_reference_number", String.class));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
