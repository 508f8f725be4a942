package dev.ksefplatform.credentials.integration.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ksefplatform.credentials.integration.domain.ProviderCredential;
import java.time.Instant;

/** A provider credential as the admin API shows it: never the secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderCredentialBody(String providerCredentialId, String environment, String providerNip,
                                     String credentialType, String description, Instant createdAt, Instant updatedAt) {

    static ProviderCredentialBody of(ProviderCredential c) {
        return new ProviderCredentialBody(c.id().toString(), c.environment(), c.providerNip(),
                c.credentialType().name(), c.description(), c.createdAt(), c.updatedAt());
    }
}
