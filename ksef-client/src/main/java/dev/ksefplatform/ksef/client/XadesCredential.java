package dev.ksefplatform.ksef.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** A signing key and its certificate for XAdES login (RSA ≥ 2048 bits or EC ≥ 256 bits). Never printed. */
public final class XadesCredential {

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private XadesCredential(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        if (!privateKey.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            throw new IllegalArgumentException("the key is " + privateKey.getAlgorithm() + " but the certificate is "
                    + certificate.getPublicKey().getAlgorithm());
        }
    }

    public static XadesCredential of(PrivateKey privateKey, X509Certificate certificate) {
        return new XadesCredential(privateKey, certificate);
    }

    /** The first key entry of a PKCS#12 keystore; the same password protects the store and the key. */
    public static XadesCredential fromPkcs12(InputStream pkcs12, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(pkcs12, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return new XadesCredential((PrivateKey) store.getKey(alias, password),
                            (X509Certificate) store.getCertificate(alias));
                }
            }
            throw new IllegalArgumentException("the PKCS#12 store holds no private key");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable PKCS#12 store (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** An unencrypted PEM key (PKCS#8, PKCS#1 RSA or SEC1 EC) and a PEM certificate. */
    public static XadesCredential fromPem(String keyPem, String certPem) {
        try (PEMParser parser = new PEMParser(new StringReader(keyPem))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey key = parsed instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                    : parsed instanceof PrivateKeyInfo info ? converter.getPrivateKey(info) : null;
            if (key == null) {
                throw new IllegalArgumentException("no unencrypted private key in the PEM text");
            }
            return new XadesCredential(key, certificate(certPem));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable PEM key (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static X509Certificate certificate(String certPem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certPem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable PEM certificate", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "XadesCredential[subject=" + certificate.getSubjectX500Principal().getName() + ", key=***]";
    }
}
