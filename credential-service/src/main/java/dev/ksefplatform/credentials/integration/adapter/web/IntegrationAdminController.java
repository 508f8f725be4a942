package dev.ksefplatform.credentials.integration.adapter.web;

import dev.ksefplatform.credentials.web.CauseHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import dev.ksefplatform.credentials.integration.application.IntegrationAdmin;
import dev.ksefplatform.credentials.integration.application.IntegrationVerifier;
import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import dev.ksefplatform.credentials.tenant.application.GatewayTenants;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The admin API of CONTRACTS §4 (caller {@code admin}). */
@RestController
@RequestMapping("/admin/v1/integrations")
public class IntegrationAdminController {

    private final IntegrationAdmin admin;
    private final IntegrationVerifier verifier;
    private final GatewayTenants tenants;

    public IntegrationAdminController(IntegrationAdmin admin, IntegrationVerifier verifier, GatewayTenants tenants) {
        this.admin = admin;
        this.verifier = verifier;
        this.tenants = tenants;
    }

    /** Only for a tenant command-api named, in its own NIP: the gateway's tenant is the vault's. */
    @PostMapping
    public Mono<ResponseEntity<IntegrationBody>> register(@RequestBody RegisterIntegrationBody body) {
        return Mono.fromCallable(body::toRegistration)
                .flatMap(r -> tenants.requireOwn(r.tenantId(), r.taxpayerNip()).then(Mono.defer(() -> admin.register(r))))
                .map(IntegrationBody::of)
                .map(created -> ResponseEntity.created(URI.create("/admin/v1/integrations/" + created.integrationId()))
                        .body(created));
    }

    /** Every tenant's integrations, filtered in the database; a filter value it does not know is a 400. */
    @GetMapping
    public Mono<IntegrationPage> list(@RequestParam(required = false) String tenantId,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(required = false) String kind,
                                      @RequestParam(required = false) String environment,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        return Mono.fromCallable(() -> IntegrationFilters.query(tenantId, status, kind, environment, page, size))
                .flatMap(query -> admin.list(query).map(IntegrationBody::of).collectList()
                        .map(items -> new IntegrationPage(items, query.page(), query.size())));
    }

    @GetMapping("/{id}")
    public Mono<IntegrationBody> get(@PathVariable String id) {
        return admin.get(IntegrationId.parse(id)).map(IntegrationBody::of);
    }

    @PostMapping("/{id}/verify")
    public Mono<IntegrationBody> verify(@PathVariable String id, @RequestHeader HttpHeaders headers) {
        return Mono.fromCallable(() -> CauseHeaders.ofAdmin(headers))
                .flatMap(cause -> verifier.verify(IntegrationId.parse(id), cause)).map(IntegrationBody::of);
    }

    /** The operator named in {@code X-Actor-Id} (else {@code admin}) is the event's actor, as for a verification. */
    @PostMapping("/{id}/disable")
    public Mono<IntegrationBody> disable(@PathVariable String id, @RequestHeader HttpHeaders headers) {
        return Mono.fromCallable(() -> CauseHeaders.ofAdmin(headers))
                .flatMap(cause -> admin.disable(IntegrationId.parse(id), cause)).map(IntegrationBody::of);
    }

    @PostMapping("/{id}/enable")
    public Mono<IntegrationBody> enable(@PathVariable String id, @RequestHeader HttpHeaders headers) {
        return Mono.fromCallable(() -> CauseHeaders.ofAdmin(headers))
                .flatMap(cause -> admin.enable(IntegrationId.parse(id), cause)).map(IntegrationBody::of);
    }

    @PostMapping("/{id}/revoke")
    public Mono<IntegrationBody> revoke(@PathVariable String id) {
        return admin.revoke(IntegrationId.parse(id)).map(IntegrationBody::of);
    }

    @PostMapping("/{id}/secret")
    public Mono<IntegrationBody> rotateSecret(@PathVariable String id, @RequestBody RotateSecretBody body) {
        if (body.credential() == null) {
            return Mono.error(new InvalidRequest("credential is required"));
        }
        return Mono.fromCallable(() -> body.credential().secret())
                .flatMap(secret -> admin.rotateSecret(IntegrationId.parse(id), body.credential().type(), secret))
                .map(IntegrationBody::of);
    }
}
