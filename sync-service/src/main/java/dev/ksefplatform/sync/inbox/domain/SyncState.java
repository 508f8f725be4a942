package dev.ksefplatform.sync.inbox.domain;

import java.time.Instant;

/** How far the tenant's inbox has been synced for one subject type, and how the last attempts went. */
public record SyncState(String tenantId, String subjectType, Instant highWaterMark, Instant lastSuccessAt,
                        Instant lastAttemptAt, int consecutiveFailures, String lastFailureReason,
                        String lastEventId, Instant updatedAt) {

    public SyncKey key() {
        return new SyncKey(tenantId, subjectType);
    }

    /** Sync state is per tenant and subject type. */
    public record SyncKey(String tenantId, String subjectType) {
    }
}
