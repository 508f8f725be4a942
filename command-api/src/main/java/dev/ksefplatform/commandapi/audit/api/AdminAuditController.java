package dev.ksefplatform.commandapi.audit.api;

import dev.ksefplatform.commandapi.audit.application.AuditTrail;
import dev.ksefplatform.commandapi.security.BearerCallers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The operators' audit log across tenants, behind the admin token. */
@RestController
class AdminAuditController {

    static final String ADMIN = "admin";

    private final BearerCallers callers;
    private final AuditTrail trail;

    AdminAuditController(BearerCallers callers, AuditTrail trail) {
        this.callers = callers;
        this.trail = trail;
    }

    @GetMapping("/admin/v1/audit")
    @Operation(summary = "Every tenant's audit log (or one tenant's), newest first; admin bearer token")
    @Parameter(name = "tenantId", in = ParameterIn.QUERY, description = "only this tenant's rows")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "inclusive, ISO-8601 instant, e.g. 2026-11-23T08:00:00Z")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "exclusive, ISO-8601 instant; after from")
    @Parameter(name = "operation", in = ParameterIn.QUERY, description = "e.g. ksef.session.invoice.send")
    @Parameter(name = "contextNip", in = ParameterIn.QUERY, description = "the taxpayer (context) NIP, 10 digits")
    @Parameter(name = "integrationId", in = ParameterIn.QUERY, description = "the integration account used")
    @Parameter(name = "statusClass", in = ParameterIn.QUERY,
            schema = @Schema(type = "string", allowableValues = {"1xx", "2xx", "3xx", "4xx", "5xx"}))
    @Parameter(name = "eventType", in = ParameterIn.QUERY, description = "e.g. KsefCallRecorded, InvoiceAccepted")
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page")
    @Parameter(name = "limit", in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "100"))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditPageDoc.class)))
    Mono<Map<String, Object>> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                   ServerHttpRequest request) {
        callers.require(authorization, ADMIN);
        return trail.operatorsPage(AuditListParameters.operators(request.getQueryParams()));
    }
}
