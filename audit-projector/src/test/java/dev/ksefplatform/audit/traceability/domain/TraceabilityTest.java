package dev.ksefplatform.audit.traceability.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.audit.log.domain.AuditedEvent;
import dev.ksefplatform.audit.log.domain.EventDetail;
import dev.ksefplatform.audit.log.domain.IntegrationOwned;
import dev.ksefplatform.audit.traceability.domain.TenantViolation.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceabilityTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void regulatedEventWithoutIntegrationIsMissingOne() {
        AuditedEvent accepted = event("e1", "tenant-a", "InvoiceAccepted", null, null);

        assertThat(Traceability.violations(List.of(accepted), Map.of())).containsExactly(new TenantViolation("e1",
                "tenant-a", "InvoiceAccepted", "cmd-e1", T0, null, null, Reason.MISSING_INTEGRATION));
    }

    @Test
    void regulatedEventThroughAnotherTenantsIntegrationNamesTheOwner() {
        AuditedEvent received = event("e2", "tenant-b", "InboxInvoiceReceived", "i-a", null);

        assertThat(Traceability.violations(List.of(received), Map.of("i-a", "tenant-a")))
                .extracting(TenantViolation::reason, TenantViolation::ownerTenantId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Reason.FOREIGN_INTEGRATION, "tenant-a"));
    }

    @Test
    void ownOrUnknownIntegrationsAndUnregulatedEventsPass() {
        List<AuditedEvent> events = List.of(event("e3", "tenant-a", "InvoiceAccepted", "i-a", null),
                event("e4", "tenant-a", "InvoiceAccepted", "i-unknown", null),
                event("e5", "tenant-a", "KsefCallRecorded", null, null),
                event("e6", "tenant-b", "InvoiceRejected", "i-a", null));

        assertThat(Traceability.violations(events, Map.of("i-a", "tenant-a"))).isEmpty();
    }

    @Test
    void firstIntegrationEventOfAnAccountClaimsItForItsTenant() {
        List<AuditedEvent> events = List.of(event("e7", "tenant-a", "IntegrationRegistered", "i-a", owned("i-a")),
                event("e8", "tenant-b", "IntegrationVerified", "i-a", owned("i-a")),
                event("e9", "tenant-b", "InvoiceAccepted", "i-a", null));

        assertThat(Traceability.claims(events)).containsExactly(new IntegrationClaim("i-a", "tenant-a", "e7"));
        assertThat(Traceability.namedIntegrations(events)).containsExactly("i-a");
    }

    private static EventDetail owned(String integrationId) {
        return new IntegrationOwned(integrationId);
    }

    private static AuditedEvent event(String id, String tenant, String type, String integrationId, EventDetail detail) {
        return new AuditedEvent(id, tenant, type, "cmd-" + id, "cmd-" + id, T0, "tenant-worker", "op", "5265877635",
                null, null, null, null, integrationId, null, null, detail);
    }
}
