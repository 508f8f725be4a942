package dev.ksefplatform.credentials.integration.domain;

public final class InvalidRequest extends IntegrationException {

    public InvalidRequest(String message) {
        super(message);
    }
}
