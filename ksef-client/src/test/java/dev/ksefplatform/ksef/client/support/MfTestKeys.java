package dev.ksefplatform.ksef.client.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Stand-ins for the MF keys: real RSA-2048 pairs and self-signed certificates, published like KSeF does. */
public final class MfTestKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final KeyPair TOKEN_KEY = generate();
    public static final KeyPair SYMMETRIC_KEY = generate();

    private MfTestKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 SHA-256 of the DER SubjectPublicKeyInfo, as KSeF computes {@code publicKeyId}. */
    public static String publicKeyId(PublicKey key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] decryptOaepSha256(PrivateKey key, byte[] ciphertext) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.DECRYPT_MODE, key,
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        return cipher.doFinal(ciphertext);
    }

    /** A body for {@code GET /security/public-key-certificates}. */
    public static Certificates certificates() {
        return new Certificates(JSON.createArrayNode());
    }

    public record Certificates(ArrayNode array) {

        public Certificates with(KeyPair pair, String usage, Instant validFrom, Instant validTo) {
            array.addObject()
                    .put("certificate", Base64.getEncoder().encodeToString(selfSigned(pair, validFrom, validTo)))
                    .put("certificateId", "ignored-by-the-client")
                    .put("publicKeyId", publicKeyId(pair.getPublic()))
                    .put("validFrom", validFrom.toString())
                    .put("validTo", validTo.toString())
                    .putArray("usage").add(usage);
            return this;
        }

        public String json() {
            return array.toString();
        }
    }

    private static byte[] selfSigned(KeyPair pair, Instant validFrom, Instant validTo) {
        try {
            X500Name name = new X500Name("CN=Ministerstwo Finansow (test)");
            var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(validFrom.toEpochMilli()),
                    Date.from(validFrom), Date.from(validTo), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            return new JcaX509CertificateConverter().getCertificate(holder).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
