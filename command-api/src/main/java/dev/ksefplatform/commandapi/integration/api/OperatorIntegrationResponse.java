package dev.ksefplatform.commandapi.integration.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ksefplatform.commandapi.integration.application.OperatorIntegration;
import dev.ksefplatform.commandapi.integration.application.VaultIntegration;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An integration for operators: whose it is (tenant id, name, NIP), how it logs in, its status; never a secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OperatorIntegrationResponse(String integrationId, String tenantId,
                                   @Schema(description = "the tenant's name here; absent if the gateway has no such tenant")
                                   String tenantName, String tenantNip, String environment, String taxpayerNip,
                                   String providerNip, List<String> scopes,
                                   @Schema(allowableValues = {"KSEF_TOKEN", "CERTIFICATE", "PROVIDER_CREDENTIAL"})
                                   String kind, String credentialType,
                                   @Schema(allowableValues = {"PENDING", "ACTIVE", "ERROR", "EXPIRED", "DISABLED",
                                           "REVOKED"}) String status,
                                   String reason, Instant createdAt, Instant updatedAt, String providerCredentialId,
                                   Instant lastUsedAt, Instant rotatedAt) {

    static OperatorIntegrationResponse of(OperatorIntegration joined) {
        VaultIntegration i = joined.integration();
        return new OperatorIntegrationResponse(i.integrationId(), i.tenantId(), joined.tenantName(),
                joined.tenantNip(), i.environment(), i.taxpayerNip(), i.providerNip(), i.scopes(), i.kind(),
                i.credentialType(), i.status(), i.reason(), i.createdAt(), i.updatedAt(), i.providerCredentialId(),
                i.lastUsedAt(), i.rotatedAt());
    }

    /** A page of them: {@code page} and {@code size} as asked; a short page is the last. */
    record Page(List<OperatorIntegrationResponse> items, int page, int size) {
    }
}
