package dev.ksefplatform.ksef.client;

import java.util.List;

/** A page of session invoices; {@code continuationToken} is null on the last page. */
public record SessionInvoicePage(List<SessionInvoice> invoices, String continuationToken) {

    public SessionInvoicePage {
        invoices = List.copyOf(invoices);
    }

    public boolean isLast() {
        return continuationToken == null || continuationToken.isBlank();
    }
}
