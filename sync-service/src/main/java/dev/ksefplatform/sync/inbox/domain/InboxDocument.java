package dev.ksefplatform.sync.inbox.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A received invoice exactly as KSeF delivered it; never changed once stored. */
public record InboxDocument(String tenantId, String ksefNumber, String subjectType, String sellerNip,
                            String invoiceNumber, LocalDate issueDate, Instant permanentStorageDate,
                            String invoiceHash, byte[] xml, String eventId, Instant receivedAt) {
}
