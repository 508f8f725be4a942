package dev.ksefplatform.worker.engine.domain;

import java.util.Objects;

/**
 * One tenant's context in one KSeF environment: the unit of ordering, budget and sessions. {@code partition} is the
 * tenant's partition of ksef.commands.v1 (keyed by tenant), whose owner is the only instance acting for the lane.
 */
public record LaneKey(String tenantId, String environment, String contextNip, int partition) {

    public LaneKey {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(contextNip, "contextNip");
    }

    /** The key of KSeF's rate limits: per context (and per egress IP, which is this deployment's). */
    public String budgetContext() {
        return environment + "/" + contextNip;
    }

    @Override
    public String toString() {
        return tenantId + "/" + environment + "/" + contextNip;
    }
}
