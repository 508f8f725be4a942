package dev.ksefplatform.commandapi.audit.api;

import dev.ksefplatform.commandapi.audit.application.AuditTrail;
import dev.ksefplatform.commandapi.tenant.application.TenantAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The tenant's audit log: every KSeF call and event of its own, newest first. */
@RestController
class AuditController {

    private final TenantAuthentication authentication;
    private final AuditTrail trail;

    AuditController(TenantAuthentication authentication, AuditTrail trail) {
        this.authentication = authentication;
        this.trail = trail;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Your audit log, newest first: one row per event and per KSeF call the platform made for you "
            + "(a run of status polls of one session is one row counting its calls), with who acted")
    @AuditListingDoc(AuditListing.TENANT)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditPageDoc.class)))
    Mono<Map<String, Object>> list(@RequestHeader(name = "X-API-Key", required = false) String apiKey,
                                   ServerHttpRequest request) {
        return authentication.authenticate(apiKey).flatMap(tenant ->
                trail.tenantPage(tenant.id(), AuditListParameters.tenant(request.getQueryParams())));
    }
}
