package dev.ksefplatform.sync.inbox.domain;

import java.time.Instant;

/**
 * The normalised inbox row of a received document. {@code listedAt} orders the inbox (KSeF's permanent storage
 * date, or the receipt time when KSeF gave none); {@code parseProblem} says why facts are missing, if they are.
 */
public record InboxEntry(String tenantId, String ksefNumber, String subjectType, Direction direction,
                         InvoiceFacts facts, Instant permanentStorageDate, Instant listedAt, Instant receivedAt,
                         String sha256, String parseProblem) {
}
