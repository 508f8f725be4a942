package dev.ksefplatform.sync.projection.domain;

/** A context's held submissions go on. */
public record ContextResumed(EventMeta meta, String contextNip, String environment, long queued) implements SyncEvent {
}
