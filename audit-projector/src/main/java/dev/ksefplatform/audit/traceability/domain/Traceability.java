package dev.ksefplatform.audit.traceability.domain;

import dev.ksefplatform.audit.log.domain.AuditedEvent;
import dev.ksefplatform.audit.log.domain.IntegrationOwned;
import dev.ksefplatform.audit.traceability.domain.TenantViolation.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The traceability invariant: every accepted submission and every received document names the integration account
 * that acted, and that account is its tenant's. An account is known from the first integration event that names it
 * (its tenant is the owner); one never seen on the log cannot be judged yet and passes.
 */
public final class Traceability {

    /** Wire names of the regulated actions the invariant covers. */
    public static final Set<String> REGULATED = Set.of("InvoiceAccepted", "InboxInvoiceReceived");

    private Traceability() {
    }

    /** The first claim of each integration account in the batch, in log order. */
    public static List<IntegrationClaim> claims(List<AuditedEvent> events) {
        Map<String, IntegrationClaim> claims = new LinkedHashMap<>();
        for (AuditedEvent e : events) {
            if (e.detail() instanceof IntegrationOwned owned) {
                claims.putIfAbsent(owned.integrationId(), new IntegrationClaim(owned.integrationId(), e.tenantId(),
                        e.eventId()));
            }
        }
        return List.copyOf(claims.values());
    }

    /** The integration accounts the batch's regulated events name, whose owners the check needs. */
    public static List<String> namedIntegrations(List<AuditedEvent> events) {
        return events.stream().filter(e -> REGULATED.contains(e.eventType())).map(AuditedEvent::integrationId)
                .filter(Objects::nonNull).distinct().toList();
    }

    /** The violations in a batch, given the owning tenant of each known integration account. */
    public static List<TenantViolation> violations(List<AuditedEvent> events, Map<String, String> owners) {
        return events.stream().filter(e -> REGULATED.contains(e.eventType()))
                .map(e -> violation(e, owners)).filter(Objects::nonNull).toList();
    }

    private static TenantViolation violation(AuditedEvent e, Map<String, String> owners) {
        if (e.integrationId() == null || e.integrationId().isBlank()) {
            return of(e, null, Reason.MISSING_INTEGRATION);
        }
        String owner = owners.get(e.integrationId());
        return owner == null || owner.equals(e.tenantId()) ? null : of(e, owner, Reason.FOREIGN_INTEGRATION);
    }

    private static TenantViolation of(AuditedEvent e, String owner, Reason reason) {
        return new TenantViolation(e.eventId(), e.tenantId(), e.eventType(), e.correlationId(), e.occurredAt(),
                e.integrationId(), owner, reason);
    }
}
