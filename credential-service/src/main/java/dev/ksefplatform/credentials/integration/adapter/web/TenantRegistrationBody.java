package dev.ksefplatform.credentials.integration.adapter.web;

import dev.ksefplatform.credentials.integration.application.Registration;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's integration: its own {@code credential}, or the provider's ({@code providerCredentialId}, or
 * {@code useProviderCredential} for the environment's only one). With its own credential the integration acts for
 * itself: its provider NIP is the taxpayer's.
 */
public record TenantRegistrationBody(String environment, String taxpayerNip, Set<String> scopes,
                                     CredentialBody credential, String providerCredentialId,
                                     Boolean useProviderCredential) {

    boolean usesProvider() {
        return Boolean.TRUE.equals(useProviderCredential) || providerCredentialId != null;
    }

    Registration toRegistration(String tenantId) {
        if (usesProvider() == (credential != null)) {
            throw new InvalidRequest("give either credential or useProviderCredential/providerCredentialId");
        }
        if (credential != null) {
            return new Registration(tenantId, environment, taxpayerNip, taxpayerNip, scopes, credential.type(),
                    credential.secret());
        }
        return new Registration(tenantId, environment, taxpayerNip, null, scopes, null, null, providerCredential());
    }

    private UUID providerCredential() {
        if (providerCredentialId == null) {
            return null;
        }
        try {
            return UUID.fromString(providerCredentialId);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("providerCredentialId must be a UUID");
        }
    }
}
