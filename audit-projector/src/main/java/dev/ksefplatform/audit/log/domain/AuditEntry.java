package dev.ksefplatform.audit.log.domain;

import java.time.Instant;

/** One row of the audit log: an event and when the projector recorded it. */
public record AuditEntry(AuditedEvent event, Instant recordedAt) {
}
