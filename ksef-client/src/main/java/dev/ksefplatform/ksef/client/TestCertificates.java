package dev.ksefplatform.ksef.client;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed certificates for XAdES login on the KSeF test environment (TE accepts them) and in the simulator.
 * The subject carries {@code serialNumber=TINPL-<nip>}, so {@code certificateSubject} resolves to the NIP.
 */
public final class TestCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration VALIDITY = Duration.ofDays(365);

    private TestCertificates() {
    }

    /** RSA-2048, SHA256withRSA, valid for a year from an hour ago. */
    public static XadesCredential selfSignedForNip(String nip) {
        return selfSigned(nip, generate("RSA", 2048), "SHA256withRSA");
    }

    /** EC P-256, SHA256withECDSA. */
    public static XadesCredential selfSignedEcForNip(String nip) {
        return selfSigned(nip, generate("EC", 256), "SHA256withECDSA");
    }

    /** The certificate in PEM, e.g. to store next to {@link #privateKeyPem(XadesCredential)}. */
    public static String certificatePem(XadesCredential credential) {
        return pem(credential.certificate());
    }

    /** The private key as unencrypted PKCS#8 PEM; readable by {@link XadesCredential#fromPem(String, String)}. */
    public static String privateKeyPem(XadesCredential credential) {
        try {
            return pem(new JcaPKCS8Generator(credential.privateKey(), null));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the private key", e);
        }
    }

    private static XadesCredential selfSigned(String nip, KeyPair pair, String signatureAlgorithm) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "KSeF test " + nip)
                .addRDN(BCStyle.SERIALNUMBER, "TINPL-" + nip)
                .addRDN(BCStyle.C, "PL")
                .build();
        Instant from = Instant.now().minus(Duration.ofHours(1));
        try {
            var holder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
                    Date.from(from), Date.from(from.plus(VALIDITY)), subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return XadesCredential.of(pair.getPrivate(), certificate);
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a test certificate", e);
        }
    }

    private static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if ("EC".equals(algorithm)) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(size);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " key generation unavailable", e);
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM", e);
        }
        return out.toString();
    }
}
