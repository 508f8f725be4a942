package dev.ksefplatform.credentials.session.application;

import java.util.Arrays;

/** What the vault hands to a KSeF login, opened only for that login. toString never shows it. */
public sealed interface KsefCredential {

    /** Zeroes what can be zeroed once the login is done. */
    void destroy();

    record KsefToken(String token) implements KsefCredential {
        @Override
        public void destroy() {
            // a String cannot be cleared; it is dropped with the login
        }

        @Override
        public String toString() {
            return "KsefToken[***]";
        }
    }

    /** A PKCS#12 bundle (private key and certificate) for XAdES login. */
    record Certificate(byte[] pkcs12, char[] password) implements KsefCredential {
        @Override
        public void destroy() {
            Arrays.fill(pkcs12, (byte) 0);
            Arrays.fill(password, '\0');
        }

        @Override
        public String toString() {
            return "Certificate[***]";
        }
    }
}
