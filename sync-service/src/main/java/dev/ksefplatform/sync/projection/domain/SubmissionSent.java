package dev.ksefplatform.sync.projection.domain;

/** The invoice reached KSeF in a session; only its verdict is missing. */
public record SubmissionSent(EventMeta meta, String sessionReferenceNumber, String sessionType,
                             String invoiceReferenceNumber, String invoiceNumber) implements SyncEvent {
}
