package dev.ksefplatform.commandapi.tenant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ksefplatform.commandapi.integration.api.CreateIntegrationRequest;
import dev.ksefplatform.commandapi.integration.api.CredentialRequest;
import dev.ksefplatform.commandapi.integration.api.IntegrationResponse;
import dev.ksefplatform.commandapi.integration.api.SafeBodies;
import dev.ksefplatform.commandapi.integration.application.IntegrationView;
import dev.ksefplatform.commandapi.integration.application.TenantOnboarding;
import dev.ksefplatform.commandapi.security.BearerCallers;
import dev.ksefplatform.commandapi.tenant.application.RegisteredTenant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class AdminTenantController {

    static final String ADMIN = "admin";

    private final BearerCallers callers;
    private final TenantOnboarding onboarding;

    AdminTenantController(BearerCallers callers, TenantOnboarding onboarding) {
        this.callers = callers;
        this.onboarding = onboarding;
    }

    /** The tenant alone, or (with {@code integration}) the tenant and its integration under one tenant id. */
    @PostMapping("/admin/v1/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RegisteredTenantResponse> register(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                            @RequestBody Mono<RegisterTenantRequest> request) {
        callers.require(authorization, ADMIN);
        return SafeBodies.read(request).flatMap(r -> r.integration() == null
                ? onboarding.registerAlone(r.name(), r.nip()).map(registered -> RegisteredTenantResponse.of(registered, null))
                : onboarding.onboard(r.name(), r.nip(), r.integration().environment(), r.integration().scopes(),
                        CredentialRequest.required(r.integration().credential()))
                        .map(done -> RegisteredTenantResponse.of(done.tenant(), done.integration())));
    }

    record RegisterTenantRequest(String name, String nip, CreateIntegrationRequest integration) {
    }

    record RegisteredTenantResponse(String tenantId, String name, String nip, String apiKey,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) IntegrationResponse integration) {

        static RegisteredTenantResponse of(RegisteredTenant registered, IntegrationView integration) {
            var tenant = registered.tenant();
            return new RegisteredTenantResponse(tenant.id(), tenant.name(), tenant.nip(), registered.apiKey().value(),
                    integration == null ? null : IntegrationResponse.of(integration));
        }

        @Override
        public String toString() {
            return "RegisteredTenantResponse[tenantId=" + tenantId + ", apiKey=redacted]";
        }
    }
}
