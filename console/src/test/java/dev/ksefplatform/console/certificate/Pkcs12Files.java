package dev.ksefplatform.console.certificate;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Real PKCS#12 files with a self-signed EC certificate, made with BouncyCastle as a KSeF certificate would look. */
public final class Pkcs12Files {

    private Pkcs12Files() {
    }

    /** A seal for {@code nip} (organizationIdentifier VATPL-…), valid between the two instants, with its key. */
    public static byte[] seal(String nip, String password, Instant from, Instant to) {
        return file("CN=Test Seal, O=Test, 2.5.4.97=VATPL-" + nip + ", C=PL", password, from, to, true);
    }

    /** The same for any subject; {@code withKey=false} stores the certificate alone. */
    public static byte[] file(String subject, String password, Instant from, Instant to, boolean withKey) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()), Date.from(from),
                            Date.from(to), name, pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            if (withKey) {
                store.setKeyEntry("seal", pair.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});
            } else {
                store.setCertificateEntry("seal", certificate);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a test PKCS#12 file", e);
        }
    }
}
