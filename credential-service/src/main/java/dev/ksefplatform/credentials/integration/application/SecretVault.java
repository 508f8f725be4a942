package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.integration.domain.ProviderCredential;
import dev.ksefplatform.credentials.session.application.KsefCredential;
import dev.ksefplatform.credentials.vault.domain.AssociatedData;
import dev.ksefplatform.credentials.vault.domain.Envelope;
import dev.ksefplatform.credentials.vault.domain.EnvelopeCipher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Seals and opens an integration's secret, bound to its tenant, credential kind and environment, and a provider
 * credential's, bound to its own row.
 */
public final class SecretVault {

    private final EnvelopeCipher cipher;

    public SecretVault(EnvelopeCipher cipher) {
        this.cipher = cipher;
    }

    public Envelope seal(Integration integration, String secret) {
        return seal(boundTo(integration), secret);
    }

    public Envelope seal(ProviderCredential provider, String secret) {
        return seal(boundTo(provider), secret);
    }

    public String open(Integration integration, Envelope envelope) {
        return open(boundTo(integration), envelope);
    }

    /** The opened secret in the form a KSeF login takes. */
    public KsefCredential credential(Integration integration, Envelope envelope) {
        return credential(integration.credentialType(), open(boundTo(integration), envelope));
    }

    /** A provider credential's opened secret in the form a KSeF login takes. */
    public KsefCredential credential(ProviderCredential provider, Envelope envelope) {
        return credential(provider.credentialType(), open(boundTo(provider), envelope));
    }

    private static KsefCredential credential(CredentialType type, String secret) {
        return type == CredentialType.CERTIFICATE ? CertificateBundle.decode(secret) : new KsefCredential.KsefToken(secret);
    }

    private Envelope seal(AssociatedData associatedData, String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        try {
            return cipher.seal(bytes, associatedData);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private String open(AssociatedData associatedData, Envelope envelope) {
        byte[] bytes = cipher.open(envelope, associatedData);
        try {
            return new String(bytes, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Bound to the provider credential's row; the kind is prefixed so it never matches a tenant's envelope. */
    public static AssociatedData boundTo(ProviderCredential provider) {
        return new AssociatedData(provider.owner(), "PROVIDER_" + provider.credentialType().name(),
                provider.environment());
    }

    public static AssociatedData boundTo(Integration integration) {
        return new AssociatedData(integration.tenantId(), integration.credentialType().name(), integration.environment());
    }
}
