package dev.ksefplatform.credentials.lease.domain;

import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationStatus;
import java.util.Optional;

/**
 * The one place that decides whether a tenant may act in a context. An integration that is
 * missing, in another environment or context, or owned by another tenant is the same
 * {@link DenialReason#TENANT_VIOLATION}, so a refusal never discloses who owns a NIP.
 */
public final class LeasePolicy {

    private LeasePolicy() {
    }

    public static LeaseDecision decide(LeaseRequest request, Optional<Integration> found) {
        if (found.isEmpty() || !owns(request, found.get())) {
            return new LeaseDecision.Denied(DenialReason.TENANT_VIOLATION,
                    "tenant " + request.tenantId() + " has no integration for context " + request.contextNip()
                            + " in " + request.environment());
        }
        Integration integration = found.get();
        if (integration.status() != IntegrationStatus.ACTIVE) {
            return new LeaseDecision.Denied(DenialReason.INTEGRATION_NOT_ACTIVE,
                    "integration " + integration.id() + " is " + integration.status()
                            + (integration.reason() == null ? "" : ": " + integration.reason()));
        }
        if (!integration.scopes().contains(request.purpose())) {
            return new LeaseDecision.Denied(DenialReason.SCOPE_NOT_GRANTED,
                    "purpose " + request.purpose() + " is not among the integration's scopes " + integration.scopes());
        }
        return new LeaseDecision.Granted(integration);
    }

    private static boolean owns(LeaseRequest request, Integration integration) {
        return integration.belongsTo(request.tenantId())
                && integration.environment().equals(request.environment())
                && integration.taxpayerNip().equals(request.contextNip());
    }
}
