package dev.ksefplatform.sync.projection.domain;

import java.time.Instant;

/** An inbox sync window finished at {@code highWaterMark} (null when KSeF returned nothing to advance it). */
public record InboxSynced(EventMeta meta, String subjectType, Instant highWaterMark, int invoicesReceived)
        implements SyncEvent {
}
