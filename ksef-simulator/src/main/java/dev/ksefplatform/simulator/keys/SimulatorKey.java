package dev.ksefplatform.simulator.keys;

import dev.ksefplatform.simulator.shared.Crypto;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** One published key: the pair, its self-signed certificate and the ids KSeF derives from them. */
public record SimulatorKey(KeyUsage usage, KeyPair keyPair, X509Certificate certificate) {

    /** Base64 SHA-256 of the DER SubjectPublicKeyInfo. */
    public String publicKeyId() {
        return Crypto.sha256Base64(keyPair.getPublic().getEncoded());
    }

    /** Base64 SHA-256 of the certificate DER. */
    public String certificateId() {
        return Crypto.sha256Base64(der());
    }

    public byte[] der() {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("own certificate cannot be encoded", e);
        }
    }
}
