package dev.ksefplatform.credentials.tenant.adapter.web;

import dev.ksefplatform.credentials.tenant.application.GatewayTenants;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** command-api names its tenants (caller {@code command-api}, CONTRACTS §4). */
@RestController
public class GatewayTenantController {

    private final GatewayTenants tenants;

    public GatewayTenantController(GatewayTenants tenants) {
        this.tenants = tenants;
    }

    public record TenantBody(String nip) {
    }

    @PutMapping("/internal/v1/tenants/{tenantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> vouch(@PathVariable String tenantId, @RequestBody TenantBody body) {
        return tenants.vouch(tenantId, body.nip()).then();
    }
}
