package dev.ksefplatform.credentials.integration.domain;

/** Admin-side failures of the integration lifecycle. */
public sealed class IntegrationException extends RuntimeException
        permits IntegrationNotFound, NipAlreadyRegistered, IllegalTransition, InvalidRequest,
        ProviderCredentialNotFound {

    protected IntegrationException(String message) {
        super(message);
    }
}
