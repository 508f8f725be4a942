package dev.ksefplatform.audit.log.domain;

import java.time.Instant;

/**
 * Any platform event, as far as the audit log cares: who, what, when, and how the call behind it went.
 * {@code integrationId}, {@code ksefCode} and {@code actor} are null for events published before release 2.
 */
public record AuditedEvent(String eventId, String tenantId, String eventType, String correlationId,
                           String causationId, Instant occurredAt, String source, String operation,
                           String tenantNip, String providerNip, Integer httpStatus, Long durationMillis,
                           String error, String integrationId, Integer ksefCode, Actor actor) {

    AuditedEvent withError(String boundedError) {
        return new AuditedEvent(eventId, tenantId, eventType, correlationId, causationId, occurredAt, source,
                operation, tenantNip, providerNip, httpStatus, durationMillis, boundedError, integrationId, ksefCode,
                actor);
    }
}
