package dev.ksefplatform.commandapi.integration.adapter.http;

import dev.ksefplatform.commandapi.integration.application.NewIntegration;
import dev.ksefplatform.commandapi.integration.domain.IntegrationCredential;
import java.util.HashMap;
import java.util.Map;

/** The vault's request bodies (CONTRACTS §4, credential-service's tenant API). */
final class VaultBodies {

    private VaultBodies() {
    }

    static Map<String, Object> of(NewIntegration integration) {
        Map<String, Object> body = new HashMap<>();
        body.put("environment", integration.environment());
        body.put("taxpayerNip", integration.taxpayerNip());
        body.put("scopes", integration.scopes());
        if (integration.credential() instanceof IntegrationCredential.Provider provider) {
            body.put("useProviderCredential", true);
            if (provider.providerCredentialId() != null) {
                body.put("providerCredentialId", provider.providerCredentialId());
            }
        } else {
            body.put("credential", credential(integration.credential()));
        }
        return body;
    }

    static Map<String, Object> credential(IntegrationCredential credential) {
        if (credential instanceof IntegrationCredential.KsefToken token) {
            return Map.of("type", "KSEF_TOKEN", "ksefToken", token.token());
        }
        if (credential instanceof IntegrationCredential.Certificate certificate) {
            return Map.of("type", "CERTIFICATE", "pkcs12", certificate.pkcs12(), "password", certificate.password());
        }
        throw new IllegalArgumentException("the provider's credential is not the tenant's to send");
    }
}
