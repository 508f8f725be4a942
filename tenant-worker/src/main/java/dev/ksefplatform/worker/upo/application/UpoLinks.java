package dev.ksefplatform.worker.upo.application;

import dev.ksefplatform.worker.engine.application.Ksef;
import dev.ksefplatform.worker.engine.application.KsefBudget;
import dev.ksefplatform.worker.engine.application.Lease;
import dev.ksefplatform.worker.engine.application.TenantCredentials;
import dev.ksefplatform.worker.engine.domain.Budgets;
import dev.ksefplatform.worker.engine.domain.FinalInvoiceStatus;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.upo.domain.UpoFetch;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A fresh pre-signed UPO link from KSeF, asked only while the lane's budget has room to spare: an online invoice's
 * status ({@code invoiceStatus}: the verdict polls' group), or, for an invoice of a batch, the session's invoice list
 * ({@code sessionInvoiceList}, 1,000 invoices a page, every link of the page kept for the others). A UPO fetch takes a
 * permit only while more than half of the group's minute is left, so sending and verdicts always come first.
 */
final class UpoLinks {

    private final Ksef ksef;
    private final KsefBudget budget;
    private final TenantCredentials leases;
    private final UpoStore store;

    UpoLinks(Ksef ksef, KsefBudget budget, TenantCredentials leases, UpoStore store) {
        this.ksef = ksef;
        this.budget = budget;
        this.leases = leases;
        this.store = store;
    }

    /** The link, or empty when the budget has no room now (nothing was sent to KSeF). */
    Optional<String> fresh(UpoFetch fetch) {
        KsefLimit limit = fetch.invoiceRef() != null ? KsefLimit.INVOICE_STATUS : KsefLimit.SESSION_INVOICE_LIST;
        if (!spare(fetch, limit)) {
            return Optional.empty();
        }
        Lease lease = leases.lease(fetch.lane(), TenantCredentials.INVOICE_WRITE);
        return Optional.ofNullable(fetch.invoiceRef() != null ? byStatus(fetch, lease) : byList(fetch, lease));
    }

    private boolean spare(UpoFetch fetch, KsefLimit limit) {
        Budgets.Capacity capacity = budget.view(fetch.lane()).capacity(limit);
        return capacity.perMinute() * 2 > capacity.limitPerMinute() && capacity.perHour() > 1
                && budget.tryAcquire(fetch.lane(), limit, 1);
    }

    private String byStatus(UpoFetch fetch, Lease lease) {
        return ksef.invoiceStatus(fetch.lane(), lease.accessToken(), fetch.sessionRef(), fetch.invoiceRef())
                .map(FinalInvoiceStatus::upoDownloadUrl).orElse(null);
    }

    private String byList(UpoFetch fetch, Lease lease) {
        Map<String, UpoStore.Listed> listed = new HashMap<>();
        String continuation = null;
        do {
            Ksef.SessionPage page = ksef.sessionInvoices(fetch.lane(), lease.accessToken(), fetch.sessionRef(), false,
                    continuation);
            page.invoices().stream().filter(i -> i.status() != null && i.status().upoDownloadUrl() != null)
                    .forEach(i -> listed.put(i.invoiceHash(), new UpoStore.Listed(i.invoiceRef(),
                            i.status().upoDownloadUrl())));
            continuation = page.continuation();
        } while (continuation != null && !listed.containsKey(fetch.invoiceHash())
                && spare(fetch, KsefLimit.SESSION_INVOICE_LIST));
        store.listed(fetch.sessionRef(), listed);
        UpoStore.Listed own = listed.get(fetch.invoiceHash());
        return own == null ? null : own.upoUrl();
    }
}
