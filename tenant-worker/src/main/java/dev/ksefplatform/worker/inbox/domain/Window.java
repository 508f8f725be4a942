package dev.ksefplatform.worker.inbox.domain;

import java.util.List;

/** One export window: the new invoices in it, where the next starts, and whether KSeF holds more right now. */
public record Window(List<ReceivedInvoice> invoices, Checkpoint next, boolean more) {

    public Window {
        invoices = List.copyOf(invoices);
    }
}
