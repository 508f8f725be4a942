package dev.ksefplatform.simulator.receiving;

import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;

/**
 * Finds the invoices of a context. Only invoices in permanent storage are visible, and the high-water mark is "now":
 * an invoice not yet stored gets a later storage date than any HWM shown (the seeding endpoint keeps to that too). A query reads only its context's index,
 * and for {@code PermanentStorage} only the window it asks for.
 */
final class InvoiceSearch {

    static final int MAX_RESULTS = 10_000;

    private final AcceptedInvoices accepted;
    private final Clock clock;

    InvoiceSearch(AcceptedInvoices accepted, Clock clock) {
        this.accepted = accepted;
        this.clock = clock;
    }

    record Found(List<AcceptedInvoice> invoices, Instant hwm) {
    }

    Instant hwm() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The invoices of the window, as stored up to {@code hwm} (the HWM of the query's snapshot). */
    Found find(String contextNip, QueryFilters filters, boolean descending, Instant hwm) {
        filters.validate();
        return new Found(matching(contextNip, filters, filters.end(hwm), hwm, descending), hwm);
    }

    private List<AcceptedInvoice> matching(String contextNip, QueryFilters filters, Instant end, Instant hwm,
                                           boolean descending) {
        Comparator<AcceptedInvoice> order = Comparator
                .comparing((AcceptedInvoice i) -> QueryFilters.dateOf(i, filters.dateType()))
                .thenComparing(AcceptedInvoice::ksefNumber);
        return candidates(contextNip, filters, end, hwm).stream()
                .filter(i -> !i.permanentStorageDate().isAfter(hwm))
                .filter(filters.matching(contextNip, end))
                .sorted(descending ? order.reversed() : order)
                .toList();
    }

    private Collection<AcceptedInvoice> candidates(String contextNip, QueryFilters filters, Instant end, Instant hwm) {
        NavigableSet<AcceptedInvoice> own = switch (filters.subjectType()) {
            case "Subject1" -> accepted.soldBy(contextNip);
            case "Subject2" -> accepted.boughtBy(contextNip);
            default -> Collections.emptyNavigableSet(); // third parties and authorised subjects are not modelled
        };
        return filters.permanentStorage()
                ? AcceptedInvoices.between(own, filters.from(), end.isBefore(hwm) ? end : hwm) : own;
    }
}
