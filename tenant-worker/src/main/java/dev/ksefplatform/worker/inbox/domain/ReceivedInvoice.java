package dev.ksefplatform.worker.inbox.domain;

import java.time.Instant;
import java.time.LocalDate;

/** One invoice KSeF holds for the context, as downloaded: its metadata and its XML byte for byte. */
public record ReceivedInvoice(String ksefNumber, String sellerNip, String invoiceNumber, LocalDate issueDate,
                              Instant permanentStorageDate, byte[] xml) {
}
