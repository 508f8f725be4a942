package dev.ksefplatform.audit.log.domain;

import java.time.Instant;

/** Folds events into the audit log: exactly one row per event id, written once and never changed. */
public final class AuditFold {

    /** Error texts come from remote systems; a bound keeps one event from bloating the log. */
    public static final int MAX_ERROR_LENGTH = 2000;

    private AuditFold() {
    }

    public static AuditLogChange fold(boolean alreadyRecorded, AuditedEvent event, Instant recordedAt) {
        if (alreadyRecorded) {
            return new AuditLogChange.AlreadyRecorded(event.eventId());
        }
        return new AuditLogChange.Append(new AuditEntry(bounded(event), recordedAt));
    }

    private static AuditedEvent bounded(AuditedEvent e) {
        if (e.error() == null || e.error().length() <= MAX_ERROR_LENGTH) {
            return e;
        }
        return new AuditedEvent(e.eventId(), e.tenantId(), e.eventType(), e.correlationId(), e.causationId(),
                e.occurredAt(), e.source(), e.operation(), e.tenantNip(), e.providerNip(), e.httpStatus(),
                e.durationMillis(), e.error().substring(0, MAX_ERROR_LENGTH));
    }
}
