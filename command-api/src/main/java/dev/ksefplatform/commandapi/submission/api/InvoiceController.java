package dev.ksefplatform.commandapi.submission.api;

import dev.ksefplatform.commandapi.submission.application.InvoiceListQuery;
import dev.ksefplatform.commandapi.submission.application.InvoiceStatusQuery;
import dev.ksefplatform.commandapi.submission.application.InvoiceSubmissions;
import dev.ksefplatform.commandapi.submission.application.SubmissionAdmission;
import dev.ksefplatform.commandapi.tenant.application.TenantAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class InvoiceController {

    static final String API_KEY = "X-API-Key";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final TenantAuthentication authentication;
    private final InvoiceBodyReader bodies;
    private final InvoiceSubmissions submissions;
    private final InvoiceStatusQuery statuses;
    private final InvoiceListQuery list;
    private final SubmissionAdmission admission;

    InvoiceController(TenantAuthentication authentication, InvoiceBodyReader bodies, InvoiceSubmissions submissions,
                      InvoiceStatusQuery statuses, InvoiceListQuery list, SubmissionAdmission admission) {
        this.authentication = authentication;
        this.bodies = bodies;
        this.submissions = submissions;
        this.statuses = statuses;
        this.list = list;
        this.admission = admission;
    }

    @GetMapping("/api/v1/invoices")
    @Operation(summary = "List submissions, newest first, with cursor paging: the read model's list (commands not yet"
            + " sent to KSeF, i.e. PENDING, are not in it; ask GET /api/v1/invoices/{commandId})")
    @Parameter(name = "status", in = ParameterIn.QUERY,
            schema = @Schema(allowableValues = {"SENT", "ACCEPTED", "REJECTED", "DUPLICATE", "FAILED"}))
    @Parameter(name = "invoiceNumber", in = ParameterIn.QUERY, description = "the invoice number (P_2), exactly")
    @Parameter(name = "createdFrom", in = ParameterIn.QUERY, description = "first recorded on or after this UTC day, yyyy-MM-dd")
    @Parameter(name = "createdTo", in = ParameterIn.QUERY, description = "first recorded on or before this UTC day, yyyy-MM-dd")
    @Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "100"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubmissionPageDoc.class)))
    Mono<Map<String, Object>> list(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                   ServerHttpRequest request) {
        return authentication.authenticate(apiKey)
                .flatMap(tenant -> list.page(tenant, InvoiceListParameters.forwarded(request.getQueryParams())));
    }

    /** Takes the raw request so nothing is read before the tenant is known and the submission admitted. */
    @PostMapping("/api/v1/invoices")
    Mono<ResponseEntity<CommandAccepted>> submit(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                                 ServerHttpRequest request) {
        return authentication.authenticate(apiKey)
                .flatMap(tenant -> admission.admit(tenant.id(),
                        bodies.read(request).flatMap(xml -> submissions.submit(tenant, xml, idempotencyKey))))
                .map(commandId -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/invoices/" + commandId))
                        .body(new CommandAccepted(commandId, "PENDING")));
    }

    /**
     * The read model's body as it is (CONTRACTS.md), or the gateway's own {@code {"commandId","status":"PENDING"}},
     * with {@code links} to the invoice's XML and UPO.
     */
    @GetMapping(InvoiceLinks.INVOICE)
    Mono<Map<String, Object>> status(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                     @PathVariable String commandId) {
        return authentication.authenticate(apiKey).flatMap(tenant -> statuses.status(tenant, commandId))
                .map(status -> InvoiceLinks.with(status.body(), commandId));
    }

    record CommandAccepted(String commandId, String status) {
    }
}
