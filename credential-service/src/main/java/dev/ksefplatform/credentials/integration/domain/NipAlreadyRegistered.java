package dev.ksefplatform.credentials.integration.domain;

/** A NIP belongs to at most one tenant per environment. */
public final class NipAlreadyRegistered extends IntegrationException {

    public NipAlreadyRegistered(String environment, String nip) {
        super("NIP " + nip + " already has an integration in environment " + environment);
    }
}
