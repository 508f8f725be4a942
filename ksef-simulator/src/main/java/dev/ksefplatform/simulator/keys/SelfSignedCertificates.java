package dev.ksefplatform.simulator.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Creates RSA-2048 key pairs with self-signed X.509 certificates valid for two years. */
public final class SelfSignedCertificates {

    private static final X500Name ISSUER = new X500Name("CN=Ministerstwo Finansów - symulator KSeF, O=ksef-simulator, C=PL");

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SelfSignedCertificates(Clock clock) {
        this.clock = clock;
    }

    public SimulatorKey create(KeyUsage usage) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            KeyPair pair = generator.generateKeyPair();
            return new SimulatorKey(usage, pair, certify(pair));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the simulator's " + usage + " key", e);
        }
    }

    private X509Certificate certify(KeyPair pair) throws GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now(clock);
        var builder = new JcaX509v3CertificateBuilder(ISSUER, new BigInteger(64, random).abs(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(730))),
                ISSUER, pair.getPublic());
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
