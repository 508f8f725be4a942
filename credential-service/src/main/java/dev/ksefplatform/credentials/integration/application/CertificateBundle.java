package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.InvalidRequest;
import dev.ksefplatform.credentials.session.application.KsefCredential;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;

/**
 * A CERTIFICATE credential as the vault seals it: {@code <Base64 PKCS#12>:<password>} (Base64 has
 * no colon, so the first one separates). Opened only for an XAdES login.
 */
public final class CertificateBundle {

    private CertificateBundle() {
    }

    public static String encode(String pkcs12Base64, String password) {
        if (pkcs12Base64 == null || pkcs12Base64.isBlank()) {
            throw new InvalidRequest("credential.pkcs12 (Base64 PKCS#12) is required for CERTIFICATE");
        }
        return pkcs12Base64.trim() + ":" + (password == null ? "" : password);
    }

    /** The sealed form back as the PKCS#12 bytes and password a login signs with. */
    static KsefCredential.Certificate decode(String secret) {
        int colon = secret.indexOf(':');
        return new KsefCredential.Certificate(Base64.getMimeDecoder().decode(secret.substring(0, colon)),
                secret.substring(colon + 1).toCharArray());
    }

    /** Opens the bundle to prove it holds a private key with its certificate; messages never carry the secret. */
    static void validate(String secret) {
        int colon = secret == null ? -1 : secret.indexOf(':');
        if (colon < 0) {
            throw new InvalidRequest("credential.pkcs12 is required for CERTIFICATE");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(Base64.getMimeDecoder().decode(secret.substring(0, colon))),
                    secret.substring(colon + 1).toCharArray());
            boolean usable = Collections.list(store.aliases()).stream().anyMatch(alias -> hasKeyAndCertificate(store, alias));
            if (!usable) {
                throw new InvalidRequest("the PKCS#12 bundle holds no private key with an X.509 certificate");
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidRequest("the PKCS#12 bundle cannot be opened with the given password");
        }
    }

    private static boolean hasKeyAndCertificate(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
