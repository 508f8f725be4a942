package dev.ksefplatform.sync.projection.domain;

/** KSeF already held the submitted invoice under {@code originalKsefNumber}. */
public record SubmissionDuplicate(EventMeta meta, String originalKsefNumber, int ksefStatusCode, String invoiceNumber,
                                  String sessionReferenceNumber, String invoiceReferenceNumber) implements SyncEvent {
}
