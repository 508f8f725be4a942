package dev.ksefplatform.commandapi.integration.application;

import dev.ksefplatform.commandapi.integration.domain.IntegrationCredential;
import java.util.List;

/** A tenant's integration to create, in its own KSeF context; the credential's secrets are masked in toString. */
public record NewIntegration(String environment, String taxpayerNip, List<String> scopes,
                             IntegrationCredential credential) {

    public NewIntegration {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
