package dev.ksefplatform.credentials.integration.adapter.web;

import dev.ksefplatform.credentials.integration.application.Registration;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import java.util.Set;

public record RegisterIntegrationBody(String tenantId, String environment, String taxpayerNip, String providerNip,
                                      Set<String> scopes, CredentialBody credential) {

    Registration toRegistration() {
        if (credential == null) {
            throw new InvalidRequest("credential is required");
        }
        return new Registration(tenantId, environment, taxpayerNip, providerNip, scopes, credential.type(),
                credential.secret());
    }
}
