package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.ProviderCredentialNotFound;
import dev.ksefplatform.credentials.session.application.KsefCredential;
import reactor.core.publisher.Mono;

/** Opens the credential an integration logs in with: its own secret, or the provider credential it references. */
public final class CredentialSource {

    private final IntegrationRepository integrations;
    private final ProviderCredentialRepository providers;
    private final SecretVault vault;

    public CredentialSource(IntegrationRepository integrations, ProviderCredentialRepository providers,
                            SecretVault vault) {
        this.integrations = integrations;
        this.providers = providers;
        this.vault = vault;
    }

    public Mono<KsefCredential> open(Integration integration) {
        if (!integration.usesProviderCredential()) {
            return integrations.secretOf(integration.id()).map(envelope -> vault.credential(integration, envelope));
        }
        return providers.find(integration.providerCredentialId())
                .switchIfEmpty(Mono.error(() -> new ProviderCredentialNotFound(
                        integration.providerCredentialId().toString())))
                .flatMap(provider -> providers.secretOf(provider.id())
                        .map(envelope -> vault.credential(provider, envelope)));
    }
}
