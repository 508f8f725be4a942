package dev.ksefplatform.ksef.client;

/** One invoice of a session, as listed by KSeF. */
public record SessionInvoice(int ordinalNumber, String referenceNumber, String invoiceHash, String invoicingMode,
                             InvoiceStatus status) {
}
