package dev.ksefplatform.simulator.session;

import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import dev.ksefplatform.simulator.shared.StatusInfo;

/**
 * Where one invoice of a session stands.
 *
 * @param invoiceNumber P_2 once the document was read, else {@code null}
 * @param accepted      the accepted invoice when the status is 200, else {@code null}
 */
record InvoiceState(StatusInfo status, String invoiceNumber, AcceptedInvoice accepted, String invoicingMode) {

    static final InvoiceState RECEIVED = new InvoiceState(
            StatusInfo.of(100, "Faktura przyjęta do dalszego przetwarzania"), null, null, null);
    static final InvoiceState PROCESSING = new InvoiceState(StatusInfo.of(150, "Trwa przetwarzanie"), null, null, null);

    boolean succeeded() {
        return status.code() == 200;
    }
}
