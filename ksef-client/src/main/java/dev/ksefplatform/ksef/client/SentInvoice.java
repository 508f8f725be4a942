package dev.ksefplatform.ksef.client;

/** An invoice KSeF accepted for processing: its reference number, Base64 SHA-256 and plaintext size. */
public record SentInvoice(String referenceNumber, String invoiceHash, long invoiceSize) {
}
