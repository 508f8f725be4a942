package dev.ksefplatform.simulator.receiving;

import dev.ksefplatform.simulator.auth.BearerTokens;
import dev.ksefplatform.simulator.auth.Caller;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import dev.ksefplatform.simulator.invoice.PublishedHwms;
import dev.ksefplatform.simulator.receiving.MetadataViews.InvoiceMetadata;
import dev.ksefplatform.simulator.upo.UpoStorageController;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v2/invoices/query/metadata} and {@code GET /v2/invoices/ksef/{ksefNumber}}. */
@RestController
public class InvoiceQueryController {

    private static final String READ = "InvoiceRead";

    private final InvoiceSearch search;
    private final QuerySnapshots snapshots;
    private final AcceptedInvoices accepted;
    private final PublishedHwms published;
    private final BearerTokens bearer;

    InvoiceQueryController(InvoiceSearch search, QuerySnapshots snapshots, AcceptedInvoices accepted,
                           PublishedHwms published, BearerTokens bearer) {
        this.search = search;
        this.snapshots = snapshots;
        this.published = published;
        this.accepted = accepted;
        this.bearer = bearer;
    }

    record QueryInvoicesMetadataResponse(boolean hasMore, boolean isTruncated, Instant permanentStorageHwmDate,
                                         List<InvoiceMetadata> invoices) {
    }

    /**
     * At most 10,000 results per filter set; past them {@code isTruncated} tells the client to move {@code from}. The
     * pages of one query share its HWM (see {@link QuerySnapshots}).
     */
    @PostMapping("/v2/invoices/query/metadata")
    public QueryInvoicesMetadataResponse query(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestParam(defaultValue = "Asc") String sortOrder, @RequestParam(defaultValue = "0") int pageOffset,
            @RequestParam(defaultValue = "10") int pageSize, @RequestBody QueryFilters filters) {
        Caller caller = bearer.caller(auth, READ);
        if (pageOffset < 0 || pageSize < 10 || pageSize > 250 || !List.of("Asc", "Desc").contains(sortOrder)) {
            throw KsefException.validation("pageOffset >= 0, pageSize: 10-250, sortOrder: Asc|Desc.");
        }
        filters.validate();
        Instant hwm = snapshots.hwm(caller.contextNip(), filters, pageOffset, search.hwm());
        InvoiceSearch.Found found = search.find(caller.contextNip(), filters, "Desc".equals(sortOrder), hwm);
        int total = found.invoices().size();
        int capped = Math.min(total, InvoiceSearch.MAX_RESULTS);
        long from = Math.min((long) pageOffset * pageSize, capped);
        long to = Math.min(from + pageSize, capped);
        List<InvoiceMetadata> page = found.invoices().subList((int) from, (int) to).stream().map(MetadataViews::of).toList();
        boolean truncated = total > InvoiceSearch.MAX_RESULTS && to >= capped;
        Instant shown = filters.reportedHwm(hwm);
        published.shown(caller.contextNip(), shown);
        return new QueryInvoicesMetadataResponse(to < total, truncated, shown, page);
    }

    @GetMapping("/v2/invoices/ksef/{ksefNumber}")
    public ResponseEntity<byte[]> download(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                           @PathVariable String ksefNumber) {
        Caller caller = bearer.caller(auth, READ);
        AcceptedInvoice invoice = accepted.byKsefNumber(ksefNumber)
                .filter(i -> caller.contextNip().equals(i.sellerNip()) || caller.contextNip().equals(i.buyerNip()))
                .orElseThrow(() -> new KsefException(21164, "Faktura o podanym identyfikatorze nie istnieje.",
                        "Faktura o numerze KSeF " + ksefNumber + " nie została znaleziona."));
        if (invoice.permanentStorageDate().isAfter(search.hwm())) {
            throw new KsefException(21165, "Faktura o podanym numerze KSeF nie jest jeszcze dostępna.",
                    "Faktura o numerze KSeF " + ksefNumber + " została przetworzona, ale nie jest jeszcze "
                            + "dostępna do pobrania. Spróbuj ponownie później.");
        }
        return UpoStorageController.xml(accepted.document(invoice));
    }
}
