package dev.ksefplatform.credentials.integration.adapter.web;

import dev.ksefplatform.credentials.web.CauseHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import dev.ksefplatform.credentials.integration.application.TenantIntegrations;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import dev.ksefplatform.credentials.tenant.application.GatewayTenants;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The tenants' self-service (caller {@code command-api}, CONTRACTS §4): the tenant is the path's, never the body's;
 * another tenant's integration is {@code 404}, as a missing one. Secrets go in, never come out.
 */
@RestController
@RequestMapping("/internal/v1/tenants/{tenantId}/integrations")
public class TenantIntegrationController {

    private final TenantIntegrations integrations;
    private final GatewayTenants tenants;

    public TenantIntegrationController(TenantIntegrations integrations, GatewayTenants tenants) {
        this.integrations = integrations;
        this.tenants = tenants;
    }

    /** command-api vouches for the tenant in the path and its NIP (the only NIP it registers for a tenant). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<IntegrationBody> register(@PathVariable String tenantId, @RequestBody TenantRegistrationBody body) {
        return Mono.fromCallable(() -> body.toRegistration(tenantId))
                .flatMap(registration -> tenants.vouch(tenantId, registration.taxpayerNip())
                        .then(Mono.defer(() -> integrations.register(registration, body.usesProvider()))))
                .map(IntegrationBody::of);
    }

    @GetMapping
    public Mono<List<IntegrationBody>> list(@PathVariable String tenantId) {
        return integrations.list(tenantId).map(IntegrationBody::of).collectList();
    }

    @GetMapping("/{id}")
    public Mono<IntegrationBody> get(@PathVariable String tenantId, @PathVariable String id) {
        return integrations.get(tenantId, id).map(IntegrationBody::of);
    }

    @PostMapping("/{id}/verify")
    public Mono<IntegrationBody> verify(@PathVariable String tenantId, @PathVariable String id,
                                        @RequestHeader HttpHeaders headers) {
        return Mono.fromCallable(() -> CauseHeaders.ofTenant(tenantId, headers))
                .flatMap(cause -> integrations.verify(tenantId, id, cause)).map(IntegrationBody::of);
    }

    /** The actor headers name who asked, as for a verification (without them: the tenant). */
    @PostMapping("/{id}/disable")
    public Mono<IntegrationBody> disable(@PathVariable String tenantId, @PathVariable String id,
                                         @RequestHeader HttpHeaders headers) {
        return Mono.fromCallable(() -> CauseHeaders.ofTenant(tenantId, headers))
                .flatMap(cause -> integrations.disable(tenantId, id, cause)).map(IntegrationBody::of);
    }

    @PostMapping("/{id}/enable")
    public Mono<IntegrationBody> enable(@PathVariable String tenantId, @PathVariable String id,
                                        @RequestHeader HttpHeaders headers) {
        return Mono.fromCallable(() -> CauseHeaders.ofTenant(tenantId, headers))
                .flatMap(cause -> integrations.enable(tenantId, id, cause)).map(IntegrationBody::of);
    }

    @PostMapping("/{id}/secret")
    public Mono<IntegrationBody> rotateSecret(@PathVariable String tenantId, @PathVariable String id,
                                              @RequestBody RotateSecretBody body) {
        if (body.credential() == null) {
            return Mono.error(new InvalidRequest("credential is required"));
        }
        return Mono.fromCallable(() -> body.credential().secret())
                .flatMap(secret -> integrations.rotateSecret(tenantId, id, body.credential().type(), secret))
                .map(IntegrationBody::of);
    }
}
