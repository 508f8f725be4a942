package dev.ksefplatform.credentials.integration.domain;

public final class IntegrationNotFound extends IntegrationException {

    public IntegrationNotFound(String id) {
        super("integration " + id + " does not exist");
    }
}
