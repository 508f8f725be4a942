package dev.ksefplatform.audit.log.api;

import dev.ksefplatform.audit.log.domain.AuditEntry;
import dev.ksefplatform.audit.log.domain.AuditedEvent;
import java.time.Instant;

/** One audit entry as CONTRACTS §4 fixes it. */
public record AuditEntryView(String eventId, String eventType, String correlationId, String causationId,
                             Instant occurredAt, String operation, String tenantNip, String providerNip,
                             Integer httpStatus, Long durationMillis, String error) {

    static AuditEntryView of(AuditEntry entry) {
        AuditedEvent e = entry.event();
        return new AuditEntryView(e.eventId(), e.eventType(), e.correlationId(), e.causationId(), e.occurredAt(),
                e.operation(), e.tenantNip(), e.providerNip(), e.httpStatus(), e.durationMillis(), e.error());
    }
}
