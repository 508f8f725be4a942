package dev.ksefplatform.simulator.invoice;

import java.time.Instant;

/** An invoice KSeF has given a number to. */
public record AcceptedInvoice(String ksefNumber, String sellerNip, String invoiceType, String invoiceNumber,
                              String issueDate, String invoiceHash, String sessionReferenceNumber,
                              Instant invoicingDate, Instant acquisitionDate, String invoicingMode) {

    /** Permanent storage follows acceptance shortly after, as on KSeF; the HWM moves past it. */
    public static final java.time.Duration PERMANENT_STORAGE_DELAY = java.time.Duration.ofMillis(300);

    public Instant permanentStorageDate() {
        return acquisitionDate.plus(PERMANENT_STORAGE_DELAY);
    }

    String duplicateKey() {
        return duplicateKey(sellerNip, invoiceType, invoiceNumber);
    }

    static String duplicateKey(String sellerNip, String invoiceType, String invoiceNumber) {
        return sellerNip + "\u0000" + invoiceType + "\u0000" + invoiceNumber;
    }
}
