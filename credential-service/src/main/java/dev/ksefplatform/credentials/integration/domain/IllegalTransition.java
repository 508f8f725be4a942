package dev.ksefplatform.credentials.integration.domain;

public final class IllegalTransition extends IntegrationException {

    public IllegalTransition(IntegrationId id, IntegrationStatus from, IntegrationStatus to) {
        super("integration " + id + " cannot move from " + from + " to " + to);
    }
}
