package dev.ksefplatform.simulator.receiving;

import dev.ksefplatform.simulator.auth.BearerTokens;
import dev.ksefplatform.simulator.auth.Caller;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices;
import dev.ksefplatform.simulator.receiving.MetadataViews.InvoiceMetadata;
import dev.ksefplatform.simulator.upo.UpoStorageController;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
    private final AcceptedInvoices accepted;
    private final BearerTokens bearer;

    InvoiceQueryController(InvoiceSearch search, AcceptedInvoices accepted, BearerTokens bearer) {
        this.search = search;
        this.accepted = accepted;
        this.bearer = bearer;
    }

    record QueryInvoicesMetadataResponse(boolean hasMore, boolean isTruncated, Instant permanentStorageHwmDate,
                                         List<InvoiceMetadata> invoices) {
    }

    /** At most 10,000 results per filter set; past them {@code isTruncated} tells the client to move {@code from}. */
    @PostMapping("/v2/invoices/query/metadata")
    public QueryInvoicesMetadataResponse query(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestParam(defaultValue = "Asc") String sortOrder, @RequestParam(defaultValue = "0") int pageOffset,
            @RequestParam(defaultValue = "10") int pageSize, @RequestBody QueryFilters filters) {
        Caller caller = bearer.caller(auth, READ);
        if (pageOffset < 0 || pageSize < 10 || pageSize > 250 || !List.of("Asc", "Desc").contains(sortOrder)) {
            throw KsefException.validation("pageOffset >= 0, pageSize: 10-250, sortOrder: Asc|Desc.");
        }
        InvoiceSearch.Found found = search.find(caller.contextNip(), filters, "Desc".equals(sortOrder));
        int total = found.invoices().size();
        int capped = Math.min(total, InvoiceSearch.MAX_RESULTS);
        long from = Math.min((long) pageOffset * pageSize, capped);
        long to = Math.min(from + pageSize, capped);
        List<InvoiceMetadata> page = found.invoices().subList((int) from, (int) to).stream().map(MetadataViews::of).toList();
        boolean truncated = total > InvoiceSearch.MAX_RESULTS && to >= capped;
        return new QueryInvoicesMetadataResponse(to < total, truncated,
                filters.permanentStorage() ? found.hwm() : null, page);
    }

    @GetMapping("/v2/invoices/ksef/{ksefNumber}")
    public ResponseEntity<byte[]> download(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                           @PathVariable String ksefNumber) {
        Caller caller = bearer.caller(auth, READ);
        return accepted.byKsefNumber(ksefNumber)
                .filter(i -> caller.contextNip().equals(i.sellerNip()) || accepted.details(ksefNumber)
                        .map(d -> caller.contextNip().equals(d.buyerValue())).orElse(false))
                .map(i -> {
                    if (i.permanentStorageDate().isAfter(search.hwm())) {
                        throw new KsefException(21165, "Faktura o podanym numerze KSeF nie jest jeszcze dostępna.",
                                "Faktura o numerze KSeF " + ksefNumber + " została przetworzona, ale nie jest jeszcze "
                                        + "dostępna do pobrania. Spróbuj ponownie później.");
                    }
                    return i;
                })
                .flatMap(i -> accepted.document(ksefNumber))
                .map(file -> UpoStorageController.xml(read(file)))
                .orElseThrow(() -> new KsefException(21164, "Faktura o podanym identyfikatorze nie istnieje.",
                        "Faktura o numerze KSeF " + ksefNumber + " nie została znaleziona."));
    }

    private static byte[] read(java.nio.file.Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
