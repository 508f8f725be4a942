package dev.ksefplatform.audit.log.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ksefplatform.audit.log.domain.Actor;
import dev.ksefplatform.audit.log.domain.AuditEntry;
import dev.ksefplatform.audit.log.domain.AuditedEvent;
import java.time.Instant;

/** One audit entry as CONTRACTS §4 fixes it; {@code integrationId}, {@code ksefCode} and {@code actor} since release 2. */
public record AuditEntryView(String eventId, String eventType, String correlationId, String causationId,
                             Instant occurredAt, String operation, String tenantNip, String providerNip,
                             Integer httpStatus, Long durationMillis, String error, String integrationId,
                             Integer ksefCode, ActorView actor) {

    static AuditEntryView of(AuditEntry entry) {
        AuditedEvent e = entry.event();
        return new AuditEntryView(e.eventId(), e.eventType(), e.correlationId(), e.causationId(), e.occurredAt(),
                e.operation(), e.tenantNip(), e.providerNip(), e.httpStatus(), e.durationMillis(), e.error(),
                e.integrationId(), e.ksefCode(), e.actor() == null ? null : ActorView.of(e.actor()));
    }

    /** Who the action was for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActorView(String type, String id, String onBehalfOf) {
        static ActorView of(Actor actor) {
            return new ActorView(actor.type(), actor.id(), actor.onBehalfOf());
        }
    }
}
