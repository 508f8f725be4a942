package dev.ksefplatform.commandapi.integration.application;

/** Unknown, malformed or another tenant's integration id: one answer for all three. */
public final class IntegrationNotFound extends RuntimeException {

    public IntegrationNotFound(String integrationId) {
        super("integration " + integrationId + " not found");
    }
}
