package dev.ksefplatform.worker.upo.application;

import dev.ksefplatform.worker.engine.application.Ksef;
import dev.ksefplatform.worker.engine.application.KsefBudget;
import dev.ksefplatform.worker.engine.application.ListPages;
import dev.ksefplatform.worker.engine.application.Lease;
import dev.ksefplatform.worker.engine.application.TenantCredentials;
import dev.ksefplatform.worker.engine.domain.Budgets;
import dev.ksefplatform.worker.engine.domain.FinalInvoiceStatus;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.upo.domain.UpoFetch;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A fresh pre-signed UPO link from KSeF, asked only while the lane's budget has room to spare: an online invoice's
 * status ({@code invoiceStatus}: the verdict polls' group), or, for an invoice of a batch, the session's invoice list
 * ({@code sessionInvoiceList}, 1,000 invoices a page; a session is listed at most once a round, and the links of every
 * invoice of the page are kept for the others). A call takes a permit only while more than half of the group's minute
 * and more than half a minute's worth of its hour are left, so sending and verdicts always come first. A round's
 * downloads run on several threads; one asks at a time, so a session is still listed once.
 */
final class UpoLinks {

    private final Ksef ksef;
    private final KsefBudget budget;
    private final TenantCredentials leases;
    private final UpoStore store;
    private final Map<String, Map<String, UpoStore.Listed>> listedThisRound = new HashMap<>();

    UpoLinks(Ksef ksef, KsefBudget budget, TenantCredentials leases, UpoStore store) {
        this.ksef = ksef;
        this.budget = budget;
        this.leases = leases;
        this.store = store;
    }

    /** Forgets the sessions listed in the previous round. */
    synchronized void newRound() {
        listedThisRound.clear();
    }

    /**
     * The link, or empty when the budget has no room now (nothing was sent to KSeF); {@code using} is told the lease
     * of the calls (the audit records them under its integration).
     *
     * @throws NoLinkYet when KSeF named no link for the invoice
     */
    synchronized Optional<String> fresh(UpoFetch fetch, Consumer<Lease> using) {
        Map<String, UpoStore.Listed> listed = listedThisRound.get(fetch.sessionRef());
        if (fetch.invoiceRef() == null && listed != null) {
            return Optional.of(own(listed, fetch));
        }
        KsefLimit limit = fetch.invoiceRef() != null ? KsefLimit.INVOICE_STATUS : KsefLimit.SESSION_INVOICE_LIST;
        if (!spare(fetch, limit)) {
            return Optional.empty();
        }
        Lease lease = leases.lease(fetch.lane(), TenantCredentials.INVOICE_WRITE);
        using.accept(lease);
        return Optional.of(fetch.invoiceRef() != null ? byStatus(fetch, lease) : own(byList(fetch, lease), fetch));
    }

    private boolean spare(UpoFetch fetch, KsefLimit limit) {
        Budgets.Capacity capacity = budget.view(fetch.lane()).capacity(limit);
        return 2L * capacity.perMinute() > capacity.limitPerMinute()
                && 2L * capacity.perHour() > capacity.limitPerMinute() && budget.tryAcquire(fetch.lane(), limit, 1);
    }

    private String byStatus(UpoFetch fetch, Lease lease) {
        return ksef.invoiceStatus(fetch.lane(), lease.accessToken(), fetch.sessionRef(), fetch.invoiceRef())
                .map(FinalInvoiceStatus::upoDownloadUrl)
                .orElseThrow(() -> new NoLinkYet("KSeF's invoice status names no UPO link yet"));
    }

    private Map<String, UpoStore.Listed> byList(UpoFetch fetch, Lease lease) {
        Map<String, UpoStore.Listed> listed = new HashMap<>();
        ListPages pages = new ListPages();
        String continuation = null;
        do {
            Ksef.SessionPage page = ksef.sessionInvoices(fetch.lane(), lease.accessToken(), fetch.sessionRef(), false,
                    continuation);
            page.invoices().stream().filter(i -> i.status() != null && i.status().upoDownloadUrl() != null)
                    .forEach(i -> listed.put(i.invoiceHash(), new UpoStore.Listed(i.invoiceRef(),
                            i.status().upoDownloadUrl())));
            continuation = pages.next(page.continuation());
        } while (continuation != null && spare(fetch, KsefLimit.SESSION_INVOICE_LIST));
        store.listed(fetch.sessionRef(), listed);
        if (continuation == null) {
            listedThisRound.put(fetch.sessionRef(), listed);
        }
        return listed;
    }

    private static String own(Map<String, UpoStore.Listed> listed, UpoFetch fetch) {
        UpoStore.Listed own = listed.get(fetch.invoiceHash());
        if (own == null) {
            throw new NoLinkYet("the session's invoice list names no UPO link for this invoice yet");
        }
        return own.upoUrl();
    }

    /** KSeF answered, but without a link for this invoice (yet): tried again with back-off. */
    static final class NoLinkYet extends RuntimeException {
        NoLinkYet(String message) {
            super(message);
        }
    }
}
