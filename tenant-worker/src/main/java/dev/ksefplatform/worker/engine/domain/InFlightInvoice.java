package dev.ksefplatform.worker.engine.domain;

import java.util.List;

/**
 * An invoice that reached (SENT) or may have reached (SENDING) a KSeF session; only its verdict is missing.
 * {@code invoiceRef} is null for a batch (KSeF numbers it while processing) and for a send whose answer was lost.
 */
public record InFlightInvoice(CommandRef ref, String invoiceNumber, String invoiceHash, String sessionRef,
                              SessionType sessionType, String invoiceRef, boolean confirmed,
                              List<String> earlierSessions) {

    public InFlightInvoice {
        earlierSessions = earlierSessions == null ? List.of() : List.copyOf(earlierSessions);
    }

    public InFlightInvoice withInvoiceRef(String reference) {
        return new InFlightInvoice(ref, invoiceNumber, invoiceHash, sessionRef, sessionType, reference, true,
                earlierSessions);
    }
}
