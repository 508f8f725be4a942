package dev.ksefplatform.simulator.receiving;

import dev.ksefplatform.simulator.SimulatorProperties;
import dev.ksefplatform.simulator.auth.BearerTokens;
import dev.ksefplatform.simulator.invoice.PublishedHwms;
import dev.ksefplatform.simulator.receiving.ExportRequests.InvoiceExportRequest;
import dev.ksefplatform.simulator.shared.SignedLinks;
import dev.ksefplatform.simulator.shared.StatusInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/** Exports: start, status with fresh pre-signed part links, and the part downloads (no bearer token). */
@RestController
public class ExportController {

    static final String STORAGE_PATH = "/storage/export/";
    private static final Duration STATUS_KEPT = Duration.ofDays(7);

    private final Exports exports;
    private final PublishedHwms published;
    private final SignedLinks links;
    private final BearerTokens bearer;
    private final Duration linkTtl;
    private final Clock clock;

    ExportController(Exports exports, PublishedHwms published, BearerTokens bearer, SimulatorProperties properties,
                     Clock clock) {
        this.exports = exports;
        this.published = published;
        this.links = new SignedLinks(clock);
        this.bearer = bearer;
        this.linkTtl = properties.upoLinkTtl();
        this.clock = clock;
    }

    record ExportInvoicesResponse(String referenceNumber) {
    }

    record PackagePart(int ordinalNumber, String partName, String method, String url, long partSize, String partHash,
                       long encryptedPartSize, String encryptedPartHash, Instant expirationDate) {
    }

    record InvoicePackage(int invoiceCount, long size, List<PackagePart> parts, boolean isTruncated,
                          String lastIssueDate, Instant lastInvoicingDate, Instant lastPermanentStorageDate,
                          Instant permanentStorageHwmDate) {
    }

    @PostMapping("/v2/invoices/exports")
    @ResponseStatus(HttpStatus.CREATED)
    public ExportInvoicesResponse start(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
                                        @RequestBody InvoiceExportRequest request) {
        return new ExportInvoicesResponse(exports.start(bearer.caller(auth, "InvoiceRead"), request));
    }

    @GetMapping("/v2/invoices/exports/{referenceNumber}")
    public ResponseEntity<java.util.Map<String, Object>> status(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @PathVariable String referenceNumber, ServerWebExchange exchange) {
        Export export = exports.find(bearer.caller(auth, "InvoiceRead"), referenceNumber);
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", export.status());
        if (export.completedDate() != null) {
            body.put("completedDate", export.completedDate());
        }
        if (export.result() != null) {
            published.shown(export.contextNip(), export.result().permanentStorageHwmDate());
            body.put("packageExpirationDate", export.completedDate().plus(STATUS_KEPT));
            body.put("package", view(export, baseUrl(exchange)));
        }
        return ResponseEntity.ok(body);
    }

    /** The part as blob storage serves it: no bearer token, {@code x-ms-meta-hash} = SHA-256 of the encrypted bytes. */
    @GetMapping(STORAGE_PATH + "{referenceNumber}/{partName}")
    public ResponseEntity<Resource> download(@PathVariable String referenceNumber, @PathVariable String partName,
                                             @RequestParam(defaultValue = "0") long se,
                                             @RequestParam(required = false) String sig) {
        Optional<Export.Part> part = links.valid(STORAGE_PATH + referenceNumber + "/" + partName, "r", se, sig)
                ? exports.part(referenceNumber, partName) : Optional.empty();
        return part.<ResponseEntity<Resource>>map(p -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .header("x-ms-meta-hash", p.encryptedPartHash())
                        .body(new FileSystemResource(p.file())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).build());
    }

    private InvoicePackage view(Export export, String baseUrl) {
        Export.Package p = export.result();
        Instant expires = clock.instant().plus(linkTtl);
        List<PackagePart> parts = p.parts().stream().map(part -> {
            SignedLinks.Link link = links.link(baseUrl, STORAGE_PATH + export.referenceNumber() + "/" + part.partName(),
                    "r", expires);
            return new PackagePart(part.ordinalNumber(), part.partName(), "GET", link.url(), part.partSize(),
                    part.partHash(), part.encryptedPartSize(), part.encryptedPartHash(), link.expiresAt());
        }).toList();
        return new InvoicePackage(p.invoiceCount(), p.size(), parts, p.isTruncated(), p.lastIssueDate(),
                p.lastInvoicingDate(), p.lastPermanentStorageDate(), p.permanentStorageHwmDate());
    }

    private static String baseUrl(ServerWebExchange exchange) {
        return UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replacePath(null).replaceQuery(null)
                .build().toUriString();
    }
}
