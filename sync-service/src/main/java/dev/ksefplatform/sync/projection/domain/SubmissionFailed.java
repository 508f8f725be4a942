package dev.ksefplatform.sync.projection.domain;

/** The platform gave up on a command it had taken (retries exhausted) without a KSeF verdict. */
public record SubmissionFailed(EventMeta meta, String reason, String invoiceNumber) implements SyncEvent {
}
