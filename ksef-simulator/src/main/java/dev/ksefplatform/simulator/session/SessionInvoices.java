package dev.ksefplatform.simulator.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The invoices of one session, with running counts: a status read is O(1) and a lookup by reference takes no lock,
 * so polling never waits for a session that is being processed.
 */
final class SessionInvoices {

    private final List<SessionInvoice> ordered = new ArrayList<>();
    private final Map<String, SessionInvoice> byReference = new ConcurrentHashMap<>();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile int count;

    synchronized SessionInvoice add(IntFunction<SessionInvoice> create) {
        SessionInvoice invoice = create.apply(ordered.size() + 1);
        ordered.add(invoice);
        byReference.put(invoice.referenceNumber(), invoice);
        count(null, invoice.state());
        count = ordered.size();
        return invoice;
    }

    /** Moves an invoice to its next state and keeps the counts in step. */
    void settle(SessionInvoice invoice, InvoiceState next) {
        count(invoice.moveTo(next), next);
    }

    Optional<SessionInvoice> find(String referenceNumber) {
        return Optional.ofNullable(byReference.get(referenceNumber));
    }

    int count() {
        return count;
    }

    int succeeded() {
        return succeeded.get();
    }

    int failed() {
        return failed.get();
    }

    boolean allDone() {
        return succeeded() + failed() >= count;
    }

    /** Up to {@code limit} invoices matching {@code filter}, from ordinal number {@code fromOrdinal} on. */
    synchronized List<SessionInvoice> page(int fromOrdinal, Predicate<SessionInvoice> filter, int limit) {
        List<SessionInvoice> page = new ArrayList<>(Math.min(limit, 1024));
        for (int i = Math.max(0, fromOrdinal - 1); i < ordered.size() && page.size() < limit; i++) {
            if (filter.test(ordered.get(i))) {
                page.add(ordered.get(i));
            }
        }
        return page;
    }

    synchronized List<SessionInvoice> all() {
        return List.copyOf(ordered);
    }

    private void count(InvoiceState previous, InvoiceState next) {
        boolean wasDone = previous != null && previous.status().done();
        if (!wasDone && next.status().done()) {
            (next.succeeded() ? succeeded : failed).incrementAndGet();
        }
    }
}
