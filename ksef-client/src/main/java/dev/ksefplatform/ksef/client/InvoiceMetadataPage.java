package dev.ksefplatform.ksef.client;

import java.time.Instant;
import java.util.List;

/**
 * A page of invoice metadata. {@code truncated} means KSeF stopped at its result cap: narrow the date range, starting
 * after the last item, to read on.
 */
public record InvoiceMetadataPage(List<InvoiceMetadata> invoices, boolean hasMore, boolean truncated,
                                  Instant permanentStorageHwmDate) {

    public InvoiceMetadataPage {
        invoices = List.copyOf(invoices);
    }
}
