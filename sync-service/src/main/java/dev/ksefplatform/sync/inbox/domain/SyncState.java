package dev.ksefplatform.sync.inbox.domain;

import java.time.Instant;

/** How far the tenant's inbox has been synced for one subject type. */
public record SyncState(String tenantId, String subjectType, Instant highWaterMark, String lastEventId,
                        Instant updatedAt) {
}
