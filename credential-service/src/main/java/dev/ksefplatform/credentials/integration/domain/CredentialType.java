package dev.ksefplatform.credentials.integration.domain;

/** How the vault authenticates to KSeF for an integration. */
public enum CredentialType {
    KSEF_TOKEN, CERTIFICATE
}
