package dev.ksefplatform.sync.projection.domain;

import java.time.Instant;
import java.time.LocalDate;

/** An invoice addressed to the tenant was fetched from KSeF. */
public record InvoiceReceived(EventMeta meta, String ksefNumber, String subjectType, String sellerNip,
                              String invoiceNumber, LocalDate issueDate, Instant permanentStorageDate,
                              String invoiceHash, byte[] xml) implements SyncEvent {
}
