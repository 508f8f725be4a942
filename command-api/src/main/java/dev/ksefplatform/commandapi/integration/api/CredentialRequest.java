package dev.ksefplatform.commandapi.integration.api;

import dev.ksefplatform.commandapi.integration.domain.IntegrationCredential;
import dev.ksefplatform.commandapi.integration.domain.InvalidIntegration;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code {"type":"KSEF_TOKEN","ksefToken"}}, {@code {"type":"CERTIFICATE","pkcs12":"<Base64>","password"}} or
 * {@code {"type":"PROVIDER","providerCredentialId"?}}. toString never prints a secret.
 */
@Schema(description = "KSEF_TOKEN with ksefToken; CERTIFICATE with pkcs12 (Base64 PKCS#12) and password; PROVIDER "
        + "(the platform provider's credential, which you granted permissions to in KSeF), optionally providerCredentialId")
public record CredentialRequest(@Schema(allowableValues = {"KSEF_TOKEN", "CERTIFICATE", "PROVIDER"}) String type,
                                @Schema(writeOnly = true) String ksefToken,
                                @Schema(writeOnly = true) String pkcs12,
                                @Schema(writeOnly = true) String password,
                                String providerCredentialId) {

    IntegrationCredential toCredential() {
        if (type == null) {
            throw new InvalidIntegration("credential.type must be KSEF_TOKEN, CERTIFICATE or PROVIDER");
        }
        return switch (type) {
            case "KSEF_TOKEN" -> new IntegrationCredential.KsefToken(ksefToken);
            case "CERTIFICATE" -> new IntegrationCredential.Certificate(pkcs12, password);
            case "PROVIDER" -> new IntegrationCredential.Provider(providerCredentialId);
            default -> throw new InvalidIntegration("credential.type must be KSEF_TOKEN, CERTIFICATE or PROVIDER");
        };
    }

    public static IntegrationCredential required(CredentialRequest credential) {
        if (credential == null) {
            throw new InvalidIntegration("credential is required");
        }
        return credential.toCredential();
    }

    @Override
    public String toString() {
        return "CredentialRequest[type=" + type + ", secret=***]";
    }
}
