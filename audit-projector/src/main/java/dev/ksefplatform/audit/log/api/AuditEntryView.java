package dev.ksefplatform.audit.log.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ksefplatform.audit.log.domain.Actor;
import dev.ksefplatform.audit.log.domain.AuditEntry;
import dev.ksefplatform.audit.log.domain.AuditedEvent;
import dev.ksefplatform.audit.log.domain.KsefCall;
import java.time.Instant;

/** One audit entry as CONTRACTS §4 fixes it; {@code call} only on a {@code KsefCallRecorded} row, else null. */
public record AuditEntryView(String eventId, String tenantId, String eventType, String correlationId, String causationId,
                             Instant occurredAt, String source, String operation, String tenantNip,
                             String providerNip, Integer httpStatus, Long durationMillis, String error,
                             String integrationId, Integer ksefCode, ActorView actor, CallView call) {

    static AuditEntryView of(AuditEntry entry) {
        AuditedEvent e = entry.event();
        return new AuditEntryView(e.eventId(), e.tenantId(), e.eventType(), e.correlationId(), e.causationId(), e.occurredAt(),
                e.source(), e.operation(), e.tenantNip(), e.providerNip(), e.httpStatus(), e.durationMillis(),
                e.error(), e.integrationId(), e.ksefCode(), e.actor() == null ? null : ActorView.of(e.actor()),
                e.ksefCall() == null ? null : CallView.of(e.ksefCall()));
    }

    /** Who the action was for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActorView(String type, String id, String onBehalfOf) {
        static ActorView of(Actor actor) {
            return new ActorView(actor.type(), actor.id(), actor.onBehalfOf());
        }
    }

    /** The HTTP call to KSeF (or run of {@code calls} status polls, the first at {@code firstCallAt}). */
    public record CallView(String method, String endpoint, int calls, Instant firstCallAt,
                           String sessionReferenceNumber) {
        static CallView of(KsefCall call) {
            return new CallView(call.method(), call.endpoint(), call.calls(), call.firstCallAt(),
                    call.sessionReferenceNumber());
        }
    }
}
