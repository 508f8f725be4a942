package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.CredentialType;
import java.util.Set;
import java.util.UUID;

/** An admin's request to register an integration account. {@code secret} is never echoed. */
public record Registration(String tenantId, String environment, String taxpayerNip, String providerNip,
                           Set<String> scopes, CredentialType credentialType, String secret, UUID providerCredentialId) {

    /** An integration holding a secret of its own. */
    public Registration(String tenantId, String environment, String taxpayerNip, String providerNip,
                        Set<String> scopes, CredentialType credentialType, String secret) {
        this(tenantId, environment, taxpayerNip, providerNip, scopes, credentialType, secret, null);
    }

    @Override
    public String toString() {
        return "Registration[tenantId=" + tenantId + ", environment=" + environment + ", taxpayerNip=" + taxpayerNip
                + ", providerNip=" + providerNip + ", scopes=" + scopes + ", credentialType=" + credentialType
                + ", providerCredentialId=" + providerCredentialId + "]";
    }
}
