package dev.ksefplatform.commandapi.integration.domain;

/** What an integration logs in to KSeF with. Secrets go in and never come out: no {@code toString} shows one. */
public sealed interface IntegrationCredential {

    /** A KSeF token generated in the taxpayer's context. */
    record KsefToken(String token) implements IntegrationCredential {
        public KsefToken {
            InvalidIntegration.require(token != null && !token.isBlank() && token.length() <= 4096,
                    "credential.ksefToken is required (at most 4096 characters)");
        }

        @Override
        public String toString() {
            return "KsefToken[***]";
        }
    }

    /** The taxpayer's certificate: a Base64 PKCS#12 bundle and its password. */
    record Certificate(String pkcs12, String password) implements IntegrationCredential {
        public Certificate {
            InvalidIntegration.require(pkcs12 != null && !pkcs12.isBlank() && pkcs12.length() <= 262_144,
                    "credential.pkcs12 (Base64 PKCS#12, at most 256 KiB) is required");
            InvalidIntegration.require(password != null && password.length() <= 1024,
                    "credential.password is required (at most 1024 characters)");
        }

        @Override
        public String toString() {
            return "Certificate[***]";
        }
    }

    /** The provider's own credential, which the taxpayer granted permissions in KSeF; null id = the only one. */
    record Provider(String providerCredentialId) implements IntegrationCredential {
    }
}
