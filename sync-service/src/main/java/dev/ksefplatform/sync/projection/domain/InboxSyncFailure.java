package dev.ksefplatform.sync.projection.domain;

import java.time.Instant;

/** An inbox sync window failed; the next attempt starts from {@code highWaterMark}. */
public record InboxSyncFailure(EventMeta meta, String subjectType, String reason, boolean retryable,
                               Instant highWaterMark) implements SyncEvent {
}
