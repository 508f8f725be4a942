package dev.ksefplatform.commandapi.audit.api;

import dev.ksefplatform.commandapi.audit.application.AuditTrail;
import dev.ksefplatform.commandapi.security.BearerCallers;
import io.swagger.v3.oas.annotations.Operation;
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

/** The operators' audit log across tenants, behind the admin (or the console's) token. */
@RestController
class AdminAuditController {

    static final String ADMIN = "admin";
    /** The console's operator screens ask too (the console lets only its operators reach them). */
    private static final java.util.Set<String> CALLERS = java.util.Set.of(ADMIN, "console");

    private final BearerCallers callers;
    private final AuditTrail trail;

    AdminAuditController(BearerCallers callers, AuditTrail trail) {
        this.callers = callers;
        this.trail = trail;
    }

    @GetMapping("/admin/v1/audit")
    @Operation(summary = "Every tenant's audit log (or one tenant's), newest first; admin or console bearer token")
    @AuditListingDoc(AuditListing.OPERATORS)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditPageDoc.class)))
    Mono<Map<String, Object>> list(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                   ServerHttpRequest request) {
        callers.requireAny(authorization, CALLERS);
        return trail.operatorsPage(AuditListParameters.operators(request.getQueryParams()));
    }
}
