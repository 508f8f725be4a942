package dev.ksefplatform.sync.inbox.api;

import dev.ksefplatform.sync.inbox.application.ArrivalsPeriod;
import dev.ksefplatform.sync.inbox.application.InboxQueries;
import dev.ksefplatform.sync.inbox.domain.ArrivalsSummary;
import dev.ksefplatform.sync.inbox.domain.InboxFilter;
import dev.ksefplatform.sync.inbox.domain.RawDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
public class InboxController {

    static final String INBOX = "/internal/v1/tenants/{tenantId}/inbox";

    private final InboxQueries queries;

    public InboxController(InboxQueries queries) {
        this.queries = queries;
    }

    @GetMapping(INBOX)
    public Mono<InboxPageView> list(@PathVariable String tenantId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedFrom,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedTo,
                                    @RequestParam(required = false) String sellerNip,
                                    @RequestParam(required = false) String subjectType,
                                    @RequestParam(required = false) BigDecimal grossFrom,
                                    @RequestParam(required = false) BigDecimal grossTo,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(defaultValue = "100") int limit,
                                    @RequestParam(required = false) String cursor) {
        InboxFilter filter = new InboxFilter(issuedFrom, issuedTo, sellerNip, subjectType, grossFrom, grossTo, q);
        return queries.page(tenantId, filter, cursor, limit).map(InboxPageView::of);
    }

    /** Arrivals per UTC day of {@code listedAt}, {@code from}..{@code to} inclusive (at most 31 days). */
    @GetMapping(INBOX + "/summary")
    public Mono<ArrivalsSummary> summary(@PathVariable String tenantId,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.arrivals(tenantId, new ArrivalsPeriod(from, to));
    }

    @GetMapping(INBOX + "/{ksefNumber}")
    public Mono<InboxInvoiceView> invoice(@PathVariable String tenantId, @PathVariable String ksefNumber) {
        return queries.invoice(tenantId, ksefNumber).map(InboxInvoiceView::of);
    }

    /** The document byte for byte as KSeF served it; its SHA-256 in {@code Repr-Digest} (RFC 9530). */
    @GetMapping(INBOX + "/{ksefNumber}/xml")
    public Mono<ResponseEntity<byte[]>> xml(@PathVariable String tenantId, @PathVariable String ksefNumber) {
        return queries.document(tenantId, ksefNumber).map(InboxController::asReceived);
    }

    private static ResponseEntity<byte[]> asReceived(RawDocument document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header("Repr-Digest", "sha-256=:" + document.sha256() + ":")
                .body(document.xml());
    }
}
