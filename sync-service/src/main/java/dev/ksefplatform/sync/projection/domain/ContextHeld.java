package dev.ksefplatform.sync.projection.domain;

import java.time.Instant;

/** A context's submissions wait (for KSeF's budget, an integration that cannot act, KSeF being down), without failing. */
public record ContextHeld(EventMeta meta, String contextNip, String environment, String reason, String detail,
                          String limitGroup, Instant until, long queued) implements SyncEvent {
}
