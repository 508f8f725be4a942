package dev.ksefplatform.sync.projection.domain;

/** The platform gave up on the command (retries exhausted or dead-lettered) without a KSeF verdict. */
public record SubmissionFailed(EventMeta meta, String reason, String invoiceNumber) implements SyncEvent {
}
