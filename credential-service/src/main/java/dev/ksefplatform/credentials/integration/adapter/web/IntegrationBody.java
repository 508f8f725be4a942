package dev.ksefplatform.credentials.integration.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.IntegrationKind;
import java.time.Instant;
import java.util.List;

/** An integration as the admin API shows it: never the secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationBody(String integrationId, String tenantId, String environment, String taxpayerNip,
                              String providerNip, List<String> scopes, String credentialType, String status,
                              String reason, Instant createdAt, Instant updatedAt, String providerCredentialId,
                              Instant lastUsedAt, Instant rotatedAt, String kind) {

    static IntegrationBody of(Integration i) {
        return new IntegrationBody(i.id().toString(), i.tenantId(), i.environment(), i.taxpayerNip(), i.providerNip(),
                i.scopes().stream().sorted().toList(), i.credentialType().name(), i.status().name(), i.reason(),
                i.createdAt(), i.updatedAt(),
                i.usesProviderCredential() ? i.providerCredentialId().toString() : null, i.usage().lastUsedAt(),
                i.usage().rotatedAt(), IntegrationKind.of(i).name());
    }
}
