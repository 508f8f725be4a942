package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.CredentialType;

/** An admin's request to register a provider credential. {@code secret} is never echoed. */
public record ProviderRegistration(String environment, String providerNip, String description,
                                   CredentialType credentialType, String secret) {

    @Override
    public String toString() {
        return "ProviderRegistration[environment=" + environment + ", providerNip=" + providerNip + ", description="
                + description + ", credentialType=" + credentialType + "]";
    }
}
