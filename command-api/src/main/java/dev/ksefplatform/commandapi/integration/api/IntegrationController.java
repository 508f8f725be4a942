package dev.ksefplatform.commandapi.integration.api;

import dev.ksefplatform.commandapi.integration.application.SelfService;
import dev.ksefplatform.commandapi.tenant.application.TenantAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The tenant's own integrations (its NIP, its API key); secrets go in and never come out. */
@RestController
class IntegrationController {

    static final String API_KEY = "X-API-Key";
    static final String INTEGRATIONS = "/api/v1/integrations";

    private final TenantAuthentication authentication;
    private final SelfService selfService;

    IntegrationController(TenantAuthentication authentication, SelfService selfService) {
        this.authentication = authentication;
        this.selfService = selfService;
    }

    @PostMapping(INTEGRATIONS)
    @Operation(summary = "Create an integration for your NIP: upload a KSeF token, a PKCS#12 with its password, "
            + "or use the provider's credential; then verify it")
    @ApiResponse(responseCode = "201", description = "created, PENDING until verified",
            content = @Content(schema = @Schema(implementation = IntegrationResponse.class)))
    Mono<ResponseEntity<IntegrationResponse>> create(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                                     @RequestBody Mono<CreateIntegrationRequest> body) {
        return authentication.authenticate(apiKey).flatMap(tenant -> SafeBodies.read(body).flatMap(request ->
                        selfService.create(tenant, request.environment(), request.scopes(),
                                CredentialRequest.required(request.credential()))))
                .map(IntegrationResponse::of)
                .map(created -> ResponseEntity.created(URI.create(INTEGRATIONS + "/" + created.integrationId()))
                        .body(created));
    }

    @GetMapping(INTEGRATIONS)
    @Operation(summary = "Your integrations, with status, reason and what to do")
    Mono<IntegrationResponse.Items> list(@RequestHeader(name = API_KEY, required = false) String apiKey) {
        return authentication.authenticate(apiKey).flatMap(selfService::list)
                .map(views -> new IntegrationResponse.Items(views.stream().map(IntegrationResponse::of).toList()));
    }

    @GetMapping(INTEGRATIONS + "/{id}")
    @Operation(summary = "One integration, with status, reason and what to do")
    Mono<IntegrationResponse> get(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                  @PathVariable String id) {
        return authentication.authenticate(apiKey).flatMap(tenant -> selfService.get(tenant, id))
                .map(IntegrationResponse::of);
    }

    @PostMapping(INTEGRATIONS + "/{id}/verify")
    @Operation(summary = "Log in to KSeF and check the grants now: ACTIVE, or ERROR/EXPIRED with what to fix")
    Mono<IntegrationResponse> verify(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                     @PathVariable String id) {
        return authentication.authenticate(apiKey).flatMap(tenant -> selfService.verify(tenant, id))
                .map(IntegrationResponse::of);
    }

    @PostMapping(INTEGRATIONS + "/{id}/secret")
    @Operation(summary = "Replace the integration's own KSeF token or certificate (same type); verify again after")
    Mono<IntegrationResponse> rotateSecret(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                           @PathVariable String id, @RequestBody Mono<RotateSecretRequest> body) {
        return authentication.authenticate(apiKey).flatMap(tenant -> SafeBodies.read(body).flatMap(request ->
                        selfService.rotateSecret(tenant, id, CredentialRequest.required(request.credential()))))
                .map(IntegrationResponse::of);
    }

    @PostMapping(INTEGRATIONS + "/{id}/disable")
    @Operation(summary = "Stop acting in KSeF with this integration")
    Mono<IntegrationResponse> disable(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                      @PathVariable String id) {
        return authentication.authenticate(apiKey).flatMap(tenant -> selfService.disable(tenant, id))
                .map(IntegrationResponse::of);
    }

    @PostMapping(INTEGRATIONS + "/{id}/enable")
    @Operation(summary = "Enable a disabled integration (PENDING until verified again)")
    Mono<IntegrationResponse> enable(@RequestHeader(name = API_KEY, required = false) String apiKey,
                                     @PathVariable String id) {
        return authentication.authenticate(apiKey).flatMap(tenant -> selfService.enable(tenant, id))
                .map(IntegrationResponse::of);
    }
}
