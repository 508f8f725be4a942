package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.Integration;
import dev.ksefplatform.credentials.session.application.KsefCredential;
import dev.ksefplatform.credentials.vault.domain.AssociatedData;
import dev.ksefplatform.credentials.vault.domain.Envelope;
import dev.ksefplatform.credentials.vault.domain.EnvelopeCipher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Seals and opens an integration's secret, bound to its tenant, credential kind and environment. */
public final class SecretVault {

    private final EnvelopeCipher cipher;

    public SecretVault(EnvelopeCipher cipher) {
        this.cipher = cipher;
    }

    public Envelope seal(Integration integration, String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        try {
            return cipher.seal(bytes, boundTo(integration));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    public String open(Integration integration, Envelope envelope) {
        byte[] bytes = cipher.open(envelope, boundTo(integration));
        try {
            return new String(bytes, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The opened secret in the form a KSeF login takes. */
    public KsefCredential credential(Integration integration, Envelope envelope) {
        String secret = open(integration, envelope);
        return integration.credentialType() == CredentialType.CERTIFICATE ? CertificateBundle.decode(secret)
                : new KsefCredential.KsefToken(secret);
    }

    public static AssociatedData boundTo(Integration integration) {
        return new AssociatedData(integration.tenantId(), integration.credentialType().name(), integration.environment());
    }
}
