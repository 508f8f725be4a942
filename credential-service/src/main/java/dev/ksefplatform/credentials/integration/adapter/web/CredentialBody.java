package dev.ksefplatform.credentials.integration.adapter.web;

import dev.ksefplatform.credentials.integration.application.CertificateBundle;
import dev.ksefplatform.credentials.integration.domain.CredentialType;
import dev.ksefplatform.credentials.integration.domain.InvalidRequest;

/**
 * {@code {"type":"KSEF_TOKEN","ksefToken":"..."}} or {@code {"type":"CERTIFICATE","pkcs12":"<Base64>","password":"..."}}.
 * toString never prints a secret.
 */
public record CredentialBody(CredentialType type, String ksefToken, String pkcs12, String password) {

    String secret() {
        if (type == null) {
            throw new InvalidRequest("credential.type must be KSEF_TOKEN or CERTIFICATE");
        }
        return switch (type) {
            case KSEF_TOKEN -> ksefToken;
            case CERTIFICATE -> CertificateBundle.encode(pkcs12, password);
        };
    }

    @Override
    public String toString() {
        return "CredentialBody[type=" + type + ", secret=***]";
    }
}
