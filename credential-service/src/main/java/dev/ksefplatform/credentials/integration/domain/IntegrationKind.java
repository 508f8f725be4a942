package dev.ksefplatform.credentials.integration.domain;

/**
 * How an integration logs in to KSeF, as an operator filters by it: with a KSeF token or a certificate of its own, or
 * with the provider's credential (whatever that credential's type). The three kinds never overlap.
 */
public enum IntegrationKind {
    KSEF_TOKEN, CERTIFICATE, PROVIDER_CREDENTIAL;

    public static IntegrationKind of(Integration integration) {
        if (integration.usesProviderCredential()) {
            return PROVIDER_CREDENTIAL;
        }
        return integration.credentialType() == CredentialType.CERTIFICATE ? CERTIFICATE : KSEF_TOKEN;
    }
}
