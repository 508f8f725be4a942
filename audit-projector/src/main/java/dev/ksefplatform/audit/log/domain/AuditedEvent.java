package dev.ksefplatform.audit.log.domain;

import java.time.Instant;

/**
 * Any platform event, as far as the audit log cares: who, what, when, and how the call behind it went.
 * {@code integrationId}, {@code ksefCode} and {@code actor} are null for events published before release 2;
 * {@code detail} is null for payloads that add nothing to the row.
 */
public record AuditedEvent(String eventId, String tenantId, String eventType, String correlationId,
                           String causationId, Instant occurredAt, String source, String operation,
                           String tenantNip, String providerNip, Integer httpStatus, Long durationMillis,
                           String error, String integrationId, Integer ksefCode, Actor actor,
                           EventDetail detail) {

    /** The KSeF call this event records, if it records one. */
    public KsefCall ksefCall() {
        return detail instanceof KsefCall call ? call : null;
    }

    AuditedEvent withError(String boundedError) {
        return new AuditedEvent(eventId, tenantId, eventType, correlationId, causationId, occurredAt, source,
                operation, tenantNip, providerNip, httpStatus, durationMillis, boundedError, integrationId, ksefCode,
                actor, detail);
    }
}
