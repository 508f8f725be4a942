package dev.ksefplatform.commandapi.inbox.api;

import dev.ksefplatform.commandapi.inbox.application.InboxDocument;
import dev.ksefplatform.commandapi.inbox.application.InboxQueries;
import dev.ksefplatform.commandapi.tenant.application.TenantAuthentication;
import dev.ksefplatform.commandapi.web.DayPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The tenant's inbox, passed through from sync-service; the tenant is always the one its API key names. */
@RestController
class InboxController {

    static final String API_KEY = "X-API-Key";
    static final String INBOX = "/api/v1/inbox";
    /** sync-service's bound: a month of days. */
    static final int MAX_SUMMARY_DAYS = 31;

    private final TenantAuthentication authentication;
    private final InboxQueries inbox;

    InboxController(TenantAuthentication authentication, InboxQueries inbox) {
        this.authentication = authentication;
        this.inbox = inbox;
    }

    @GetMapping(INBOX)
    @Operation(summary = "List received invoices, newest first (KSeF storage date), with cursor paging")
    @Parameter(name = "issuedFrom", in = ParameterIn.QUERY, description = "P_1 on or after, yyyy-MM-dd")
    @Parameter(name = "issuedTo", in = ParameterIn.QUERY, description = "P_1 on or before, yyyy-MM-dd")
    @Parameter(name = "sellerNip", in = ParameterIn.QUERY, description = "10 digits")
    @Parameter(name = "subjectType", in = ParameterIn.QUERY,
            schema = @Schema(allowableValues = {"Subject1", "Subject2", "Subject3", "SubjectAuthorized"}))
    @Parameter(name = "grossFrom", in = ParameterIn.QUERY, description = "gross at least, a plain decimal")
    @Parameter(name = "grossTo", in = ParameterIn.QUERY, description = "gross at most, a plain decimal")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "1-100 characters searched in the invoice number (P_2)")
    @Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "100"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InboxDocs.Page.class)))
    Mono<Map<String, Object>> list(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                   ServerHttpRequest request) {
        return authentication.authenticate(apiKey)
                .flatMap(tenant -> inbox.page(tenant, InboxListParameters.forwarded(request.getQueryParams())));
    }

    @GetMapping(INBOX + "/summary")
    @Operation(summary = "Received documents counted per UTC day they reached the inbox (KSeF storage date, or receipt "
            + "time when KSeF gave none), every day of the period listed")
    @Parameter(name = "from", in = ParameterIn.QUERY, required = true, description = "first UTC day, yyyy-MM-dd")
    @Parameter(name = "to", in = ParameterIn.QUERY, required = true,
            description = "last UTC day, yyyy-MM-dd, at most " + MAX_SUMMARY_DAYS + " days from from (inclusive)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InboxDocs.Arrivals.class)))
    Mono<Map<String, Object>> summary(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                      ServerHttpRequest request) {
        return authentication.authenticate(apiKey).flatMap(tenant -> Mono.fromCallable(
                () -> DayPeriod.of(request.getQueryParams(), MAX_SUMMARY_DAYS)).flatMap(period -> inbox.arrivals(tenant, period)));
    }

    @GetMapping(INBOX + "/{ksefNumber}")
    @Operation(summary = "One received invoice, normalised")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InboxDocs.Invoice.class)))
    Mono<Map<String, Object>> invoice(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                      @PathVariable String ksefNumber) {
        return authentication.authenticate(apiKey).flatMap(tenant -> inbox.invoice(tenant, ksefNumber));
    }

    @GetMapping(INBOX + "/{ksefNumber}/xml")
    @Operation(summary = "The received invoice's XML, byte for byte as KSeF served it")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/xml"),
            headers = @Header(name = "Repr-Digest", description = "sha-256=:<Base64 SHA-256 of the body>: (RFC 9530)"))
    Mono<ResponseEntity<byte[]>> xml(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                     @PathVariable String ksefNumber) {
        return authentication.authenticate(apiKey).flatMap(tenant -> inbox.document(tenant, ksefNumber))
                .map(InboxController::asReceived);
    }

    @GetMapping(INBOX + "/sync")
    @Operation(summary = "Sync state per subject type")
    @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = InboxDocs.SyncState.class))))
    Mono<List<Object>> syncStates(@RequestHeader(name = API_KEY, required = false) String apiKey) {
        return authentication.authenticate(apiKey).flatMap(inbox::syncStates);
    }

    @PostMapping(INBOX + "/sync")
    @Operation(summary = "Sync now; 409 while a sync of that subject type runs")
    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = InboxDocs.SyncStarted.class)))
    Mono<ResponseEntity<InboxDocs.SyncStarted>> syncNow(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                                       @RequestBody(required = false) SyncRequest body) {
        return authentication.authenticate(apiKey)
                .flatMap(tenant -> inbox.syncNow(tenant, SyncRequest.subjectType(body)))
                .map(start -> ResponseEntity.accepted().location(URI.create(INBOX + "/sync"))
                        .body(new InboxDocs.SyncStarted(start.commandId(), start.subjectType())));
    }

    private static ResponseEntity<byte[]> asReceived(InboxDocument document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header("Repr-Digest", document.reprDigest()).body(document.xml());
    }
}
