package dev.ksefplatform.audit.log.domain;

/** What folding one event does to the audit log. */
public sealed interface AuditLogChange {

    /** The event is new: append this row. */
    record Append(AuditEntry entry) implements AuditLogChange {
    }

    /** The log already holds this event id (a redelivery, or a re-publication with the same id): nothing changes. */
    record AlreadyRecorded(String eventId) implements AuditLogChange {
    }
}
