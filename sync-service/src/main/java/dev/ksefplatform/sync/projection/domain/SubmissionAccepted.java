package dev.ksefplatform.sync.projection.domain;

/** KSeF assigned a KSeF number to the submitted invoice. */
public record SubmissionAccepted(EventMeta meta, String ksefNumber, int ksefStatusCode, String invoiceNumber,
                                 String sessionReferenceNumber, String invoiceReferenceNumber,
                                 String upoDownloadUrl) implements SyncEvent {
}
