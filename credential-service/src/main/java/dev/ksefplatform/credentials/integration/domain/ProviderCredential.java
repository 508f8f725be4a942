package dev.ksefplatform.credentials.integration.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A provider's own credential — its seal/certificate (XAdES) or a KSeF token — registered once and used in every
 * client context whose taxpayer granted the provider's NIP. Never carries the secret.
 */
public record ProviderCredential(UUID id, String environment, String providerNip, CredentialType credentialType,
                                 String description, Instant createdAt, Instant updatedAt) {

    /** The owner its envelope is bound to: no tenant's envelope can be passed off as a provider's, nor the reverse. */
    public String owner() {
        return "provider-credential:" + id;
    }

    public ProviderCredential rotated(Instant at) {
        return new ProviderCredential(id, environment, providerNip, credentialType, description, createdAt, at);
    }
}
