package dev.ksefplatform.simulator.invoice;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * An invoice KSeF has given a number to, with what its metadata shows and where its document is stored.
 *
 * @param permanentStorageDate when it reached permanent storage: only then do queries, downloads and exports see it
 * @param document             the handle of the stored document (see {@link AcceptedInvoices#document})
 */
public record AcceptedInvoice(String ksefNumber, String sellerNip, String invoiceType, String invoiceNumber,
                              String issueDate, String invoiceHash, String sessionReferenceNumber,
                              Instant invoicingDate, Instant acquisitionDate, Instant permanentStorageDate,
                              String invoicingMode, InvoiceDetails details, long document) {

    /** Permanent storage follows acceptance shortly after, as on KSeF; the HWM moves past it. */
    public static final Duration PERMANENT_STORAGE_DELAY = Duration.ofMillis(300);

    /** The order of the receiving indexes: by permanent storage, then by KSeF number. */
    public static final Comparator<AcceptedInvoice> BY_STORAGE = Comparator
            .comparing(AcceptedInvoice::permanentStorageDate).thenComparing(AcceptedInvoice::ksefNumber);

    /** The NIP of the buyer ({@code Podmiot2}), or {@code null} when the buyer has none. */
    public String buyerNip() {
        return details != null && "Nip".equals(details.buyerType()) ? details.buyerValue() : null;
    }

    /** A bound for range searches of {@link #BY_STORAGE}: no invoice, only a position in the order. */
    static AcceptedInvoice position(Instant permanentStorageDate, String ksefNumber) {
        return new AcceptedInvoice(ksefNumber, null, null, null, null, null, null, null, null, permanentStorageDate,
                null, null, 0);
    }

    DuplicateKey duplicateKey() {
        return new DuplicateKey(sellerNip, invoiceType, invoiceNumber);
    }

    /** KSeF's duplicate triple: seller NIP, {@code RodzajFaktury}, {@code P_2}. */
    record DuplicateKey(String sellerNip, String invoiceType, String invoiceNumber) {
    }
}
