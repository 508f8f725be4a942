package dev.ksefplatform.credentials.integration.adapter.web;

/** {@code {"credential":{"type":"KSEF_TOKEN","ksefToken":"..."}}}. */
public record RotateSecretBody(CredentialBody credential) {
}
