package dev.ksefplatform.simulator.receiving;

import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the invoices of a context. Only invoices in permanent storage are visible, and the
 * high-water mark is "now": an invoice not yet stored gets a later storage date than any HWM shown.
 */
final class InvoiceSearch {

    static final int MAX_RESULTS = 10_000;

    private final AcceptedInvoices accepted;
    private final Clock clock;

    InvoiceSearch(AcceptedInvoices accepted, Clock clock) {
        this.accepted = accepted;
        this.clock = clock;
    }

    record Found(List<ReceivedInvoice> invoices, Instant hwm) {
    }

    Instant hwm() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Found find(String contextNip, QueryFilters filters, boolean descending) {
        filters.validate();
        Instant hwm = hwm();
        Instant end = filters.end(hwm);
        Comparator<ReceivedInvoice> order = Comparator.comparing((ReceivedInvoice r) -> r.date(filters.dateRange().dateType()))
                .thenComparing(r -> r.invoice().ksefNumber());
        List<ReceivedInvoice> found = accepted.kept().stream()
                .filter(i -> !i.permanentStorageDate().isAfter(hwm))
                .map(i -> new ReceivedInvoice(i, accepted.details(i.ksefNumber()).orElseThrow()))
                .filter(filters.matching(contextNip, end))
                .sorted(descending ? order.reversed() : order)
                .toList();
        return new Found(found, hwm);
    }
}
