package dev.ksefplatform.worker.engine.domain;

import java.util.List;

/**
 * An invoice waiting to be sent, with its XML (or, read for a batch, without it: {@code xml} null) and the XML's size;
 * {@code earlierSessions} are sessions it may already have reached.
 */
public record QueuedInvoice(CommandRef ref, InvoiceForm form, String invoiceNumber, String invoiceHash,
                            boolean offlineMode, byte[] xml, int xmlSize, List<String> earlierSessions) {

    public QueuedInvoice {
        earlierSessions = earlierSessions == null ? List.of() : List.copyOf(earlierSessions);
    }
}
