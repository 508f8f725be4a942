package dev.ksefplatform.credentials.integration.adapter.web;

import dev.ksefplatform.credentials.integration.application.Registration;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import java.util.Set;
import java.util.UUID;

/** With {@code credential} (a secret of the integration's own) or {@code providerCredentialId} (the provider's). */
public record RegisterIntegrationBody(String tenantId, String environment, String taxpayerNip, String providerNip,
                                      Set<String> scopes, CredentialBody credential, String providerCredentialId) {

    Registration toRegistration() {
        if (providerCredentialId != null) {
            if (credential != null) {
                throw new InvalidRequest("give either credential or providerCredentialId, not both");
            }
            return new Registration(tenantId, environment, taxpayerNip, providerNip, scopes, null, null,
                    providerCredential());
        }
        if (credential == null) {
            throw new InvalidRequest("credential or providerCredentialId is required");
        }
        return new Registration(tenantId, environment, taxpayerNip, providerNip, scopes, credential.type(),
                credential.secret());
    }

    private UUID providerCredential() {
        try {
            return UUID.fromString(providerCredentialId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("providerCredentialId must be a UUID");
        }
    }
}
