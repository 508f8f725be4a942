package dev.ksefplatform.commandapi.integration.api;

/** {@code {"credential":{…}}} of the integration's own type (KSEF_TOKEN or CERTIFICATE). */
public record RotateSecretRequest(CredentialRequest credential) {
}
