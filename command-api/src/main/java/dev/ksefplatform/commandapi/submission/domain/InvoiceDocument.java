package dev.ksefplatform.commandapi.submission.domain;

/**
 * An FA(3) invoice that passed the gateway's checks.
 *
 * @param xml           the bytes exactly as the tenant sent them
 * @param sha256        SHA-256 of {@code xml}, standard Base64
 * @param invoiceNumber P_2
 * @param sellerNip     Podmiot1's NIP, equal to the tenant's
 */
public record InvoiceDocument(byte[] xml, String sha256, String invoiceNumber, String sellerNip) {
}
