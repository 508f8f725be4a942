package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.CredentialType;
import java.util.Set;

/** An admin's request to register an integration account. {@code secret} is never echoed. */
public record Registration(String tenantId, String environment, String taxpayerNip, String providerNip,
                           Set<String> scopes, CredentialType credentialType, String secret) {

    @Override
    public String toString() {
        return "Registration[tenantId=" + tenantId + ", environment=" + environment + ", taxpayerNip=" + taxpayerNip
                + ", providerNip=" + providerNip + ", scopes=" + scopes + ", credentialType=" + credentialType + "]";
    }
}
