package dev.ksefplatform.credentials.integration.adapter.web;

import dev.ksefplatform.credentials.web.CauseHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;
import dev.ksefplatform.credentials.integration.application.IntegrationAdmin;
import dev.ksefplatform.credentials.integration.application.SharedVerifications;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationId;
import dev.ksefplatform.credentials.integration.domain.IntegrationNotFound;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/v1/integrations/{id}/verify} (caller {@code tenant-worker}): an immediate re-check after KSeF
 * refused an action. Bound to the tenant in the body; another tenant's integration is {@code 404}, as a missing one.
 */
@RestController
public class IntegrationInternalController {

    private final IntegrationAdmin admin;
    private final SharedVerifications verifications;

    public IntegrationInternalController(IntegrationAdmin admin, SharedVerifications verifications) {
        this.admin = admin;
        this.verifications = verifications;
    }

    @PostMapping("/internal/v1/integrations/{id}/verify")
    public Mono<VerificationBody> verify(@PathVariable String id, @RequestBody TenantBody body,
                                         @RequestHeader HttpHeaders headers) {
        if (body.tenantId() == null || body.tenantId().isBlank()) {
            return Mono.error(new InvalidRequest("tenantId is required"));
        }
        IntegrationId integrationId = IntegrationId.parse(id);
        return admin.get(integrationId)
                .filter(integration -> integration.belongsTo(body.tenantId()))
                .switchIfEmpty(Mono.error(() -> new IntegrationNotFound(id)))
                .flatMap(integration -> verifications.verify(integrationId, CauseHeaders.ofWorker(headers)))
                .map(VerificationBody::of);
    }

    public record TenantBody(String tenantId) {
    }

    /** What the worker needs: whether leases work again, and what the tenant must do if not. */
    public record VerificationBody(String integrationId, String status, String reason) {
        static VerificationBody of(Integration i) {
            return new VerificationBody(i.id().toString(), i.status().name(), i.reason());
        }
    }
}
