package dev.ksefplatform.audit.traceability.domain;

import java.time.Instant;

/**
 * A regulated action that cannot be traced to an integration account of its own tenant. {@code ownerTenantId} is
 * the tenant the integration belongs to, for {@link Reason#FOREIGN_INTEGRATION}, else null.
 */
public record TenantViolation(String eventId, String tenantId, String eventType, String correlationId,
                              Instant occurredAt, String integrationId, String ownerTenantId, Reason reason) {

    public enum Reason {
        /** The event names no integration account. */
        MISSING_INTEGRATION,
        /** The integration account it names belongs to another tenant. */
        FOREIGN_INTEGRATION
    }
}
