package dev.ksefplatform.credentials.integration.domain;

public final class ProviderCredentialNotFound extends IntegrationException {

    public ProviderCredentialNotFound(String id) {
        super("provider credential " + id + " does not exist");
    }
}
