package dev.ksefplatform.sync.submission.domain;

import java.time.Instant;

/**
 * Whether a tenant's context holds its submissions back, and why. A released hold keeps its row
 * ({@code held} false) so a late, re-published "held" event cannot bring it back.
 */
public record ContextHold(String tenantId, String contextNip, String environment, boolean held, String reason,
                          String detail, String limitGroup, Instant until, long queued, String lastEventId,
                          Instant updatedAt) {

    public HoldKey key() {
        return new HoldKey(tenantId, contextNip, environment);
    }

    /** Hold state is per tenant, context and environment. */
    public record HoldKey(String tenantId, String contextNip, String environment) {
    }
}
