package dev.ksefplatform.ksef.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What KSeF tells about a stored invoice without downloading it. */
public record InvoiceMetadata(String ksefNumber, String invoiceNumber, LocalDate issueDate, Instant invoicingDate,
                              Instant acquisitionDate, Instant permanentStorageDate, String sellerNip,
                              String sellerName, String buyerIdentifierType, String buyerIdentifier,
                              BigDecimal netAmount, BigDecimal grossAmount, BigDecimal vatAmount, String currency,
                              String invoicingMode, String invoiceType, FormCode formCode, boolean selfInvoicing,
                              boolean hasAttachment, String invoiceHash) {
}
