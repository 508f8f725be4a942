package dev.ksefplatform.commandapi.integration.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ksefplatform.commandapi.integration.application.IntegrationView;
import dev.ksefplatform.commandapi.integration.domain.IntegrationAdvice;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An integration as the tenant sees it: status, why, and what to do about it; never a secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationResponse(String integrationId, String environment, String taxpayerNip, String providerNip,
                                  List<String> scopes,
                                  @Schema(allowableValues = {"KSEF_TOKEN", "CERTIFICATE"}) String credentialType,
                                  boolean usesProviderCredential,
                                  @Schema(allowableValues = {"PENDING", "ACTIVE", "ERROR", "EXPIRED", "DISABLED",
                                          "REVOKED"}) String status,
                                  @Schema(description = "what KSeF or the platform said") String reason,
                                  @Schema(description = "what to do now; absent while ACTIVE") String action,
                                  Instant createdAt, Instant updatedAt,
                                  @Schema(description = "when the integration's credential last served the platform's "
                                          + "work in KSeF (a credential lease), to the minute; absent if never")
                                  Instant lastUsedAt,
                                  @Schema(description = "when the secret the integration logs in with was last replaced "
                                          + "(its own, or the provider credential it uses); absent if never")
                                  Instant rotatedAt) {

    public static IntegrationResponse of(IntegrationView v) {
        return new IntegrationResponse(v.integrationId(), v.environment(), v.taxpayerNip(), v.providerNip(),
                v.scopes(), v.credentialType(), v.providerCredentialId() != null, v.status(), v.reason(),
                IntegrationAdvice.action(v.integrationId(), v.status(), v.reason()), v.createdAt(), v.updatedAt(),
                v.lastUsedAt(), v.rotatedAt());
    }

    /** The tenant's integrations. */
    public record Items(List<IntegrationResponse> items) {
    }
}
