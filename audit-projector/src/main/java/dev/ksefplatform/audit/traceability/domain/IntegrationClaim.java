package dev.ksefplatform.audit.traceability.domain;

/** An integration event's statement that the integration account belongs to the event's tenant. */
public record IntegrationClaim(String integrationId, String tenantId, String eventId) {
}
