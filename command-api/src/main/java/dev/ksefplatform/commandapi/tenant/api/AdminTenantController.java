package dev.ksefplatform.commandapi.tenant.api;

import dev.ksefplatform.commandapi.security.BearerCallers;
import dev.ksefplatform.commandapi.tenant.application.RegisteredTenant;
import dev.ksefplatform.commandapi.tenant.application.TenantRegistration;
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
    private final TenantRegistration registration;

    AdminTenantController(BearerCallers callers, TenantRegistration registration) {
        this.callers = callers;
        this.registration = registration;
    }

    @PostMapping("/admin/v1/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RegisteredTenantResponse> register(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                            @RequestBody Mono<RegisterTenantRequest> request) {
        callers.require(authorization, ADMIN);
        return request.flatMap(r -> registration.register(r.name(), r.nip())).map(RegisteredTenantResponse::of);
    }

    record RegisterTenantRequest(String name, String nip) {
    }

    record RegisteredTenantResponse(String tenantId, String name, String nip, String apiKey) {

        static RegisteredTenantResponse of(RegisteredTenant registered) {
            var tenant = registered.tenant();
            return new RegisteredTenantResponse(tenant.id(), tenant.name(), tenant.nip(), registered.apiKey().value());
        }

        @Override
        public String toString() {
            return "RegisteredTenantResponse[tenantId=" + tenantId + ", apiKey=redacted]";
        }
    }
}
