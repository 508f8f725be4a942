package dev.ksefplatform.simulator.session;

import java.time.Instant;

/** One invoice sent in an online session; the plain document is dropped once processed. */
final class SessionInvoice {

    private final int ordinalNumber;
    private final String referenceNumber;
    private final String invoiceHash;
    private final Instant invoicingDate;
    private final boolean offlineMode;
    private final String invoiceFileName;
    private byte[] content;
    private volatile InvoiceState state = InvoiceState.RECEIVED;

    SessionInvoice(int ordinalNumber, String referenceNumber, String invoiceHash, Instant invoicingDate,
                   boolean offlineMode, byte[] content) {
        this(ordinalNumber, referenceNumber, invoiceHash, invoicingDate, offlineMode, content, null);
    }

    SessionInvoice(int ordinalNumber, String referenceNumber, String invoiceHash, Instant invoicingDate,
                   boolean offlineMode, byte[] content, String invoiceFileName) {
        this.invoiceFileName = invoiceFileName;
        this.ordinalNumber = ordinalNumber;
        this.referenceNumber = referenceNumber;
        this.invoiceHash = invoiceHash;
        this.invoicingDate = invoicingDate;
        this.offlineMode = offlineMode;
        this.content = content;
    }

    int ordinalNumber() {
        return ordinalNumber;
    }

    String referenceNumber() {
        return referenceNumber;
    }

    String invoiceHash() {
        return invoiceHash;
    }

    Instant invoicingDate() {
        return invoicingDate;
    }

    /** The file name inside the batch package; {@code null} for an online invoice. */
    String invoiceFileName() {
        return invoiceFileName;
    }

    boolean offlineMode() {
        return offlineMode;
    }

    InvoiceState state() {
        return state;
    }

    /** Only through {@link SessionInvoices#settle}, which keeps the session's counts; returns the previous state. */
    InvoiceState moveTo(InvoiceState next) {
        InvoiceState previous = state;
        state = next;
        return previous;
    }

    synchronized byte[] takeContent() {
        byte[] taken = content;
        content = null;
        return taken;
    }
}
