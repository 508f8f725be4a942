package dev.ksefplatform.audit.log.domain;

import java.time.Instant;

/** Any platform event, as far as the audit log cares: who, what, when, and how the call behind it went. */
public record AuditedEvent(String eventId, String tenantId, String eventType, String correlationId,
                           String causationId, Instant occurredAt, String source, String operation,
                           String tenantNip, String providerNip, Integer httpStatus, Long durationMillis,
                           String error) {
}
