package dev.ksefplatform.commandapi.submission.api;

import dev.ksefplatform.commandapi.submission.application.InvoiceDocumentQuery;
import dev.ksefplatform.commandapi.submission.application.SubmissionDocument;
import dev.ksefplatform.commandapi.tenant.application.TenantAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The documents of a tenant's accepted invoice, byte for byte: the XML as sent and the UPO KSeF issued for it. */
@RestController
class InvoiceDocumentController {

    private static final String DIGEST = "sha-256=:<Base64 SHA-256 of the body>: (RFC 9530)";

    private final TenantAuthentication authentication;
    private final InvoiceDocumentQuery documents;

    InvoiceDocumentController(TenantAuthentication authentication, InvoiceDocumentQuery documents) {
        this.authentication = authentication;
        this.documents = documents;
    }

    @GetMapping(InvoiceLinks.INVOICE + "/xml")
    @Operation(summary = "The invoice XML exactly as submitted and sent to KSeF, once KSeF has accepted it; 404"
            + " invoice-xml-not-available before, 404 command-not-found for an unknown or another tenant's command")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/xml"),
            headers = @Header(name = "Repr-Digest", description = DIGEST))
    Mono<ResponseEntity<byte[]>> xml(@RequestHeader(name = InvoiceController.API_KEY, required = false) String apiKey,
                                     @PathVariable String commandId) {
        return document(apiKey, commandId, SubmissionDocument.Kind.XML);
    }

    @GetMapping(InvoiceLinks.INVOICE + "/upo")
    @Operation(summary = "The invoice's UPO (KSeF's official receipt, XML as KSeF served it, checked against its"
            + " x-ms-meta-hash), fetched and kept by the platform after acceptance; 404 upo-not-available-yet until then,"
            + " 404 command-not-found for an unknown or another tenant's command")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/xml"),
            headers = @Header(name = "Repr-Digest", description = DIGEST))
    Mono<ResponseEntity<byte[]>> upo(@RequestHeader(name = InvoiceController.API_KEY, required = false) String apiKey,
                                     @PathVariable String commandId) {
        return document(apiKey, commandId, SubmissionDocument.Kind.UPO);
    }

    private Mono<ResponseEntity<byte[]>> document(String apiKey, String commandId, SubmissionDocument.Kind kind) {
        return authentication.authenticate(apiKey).flatMap(tenant -> documents.document(tenant, commandId, kind))
                .map(d -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                        .header("Repr-Digest", d.reprDigest()).body(d.xml()));
    }
}
