package dev.ksefplatform.simulator.auth;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Who a signing certificate names: NIP/PESEL in serialNumber, NIP in organizationIdentifier, or its fingerprint. */
final class CertificateSubjects {

    private static final Pattern SERIAL_NIP = Pattern.compile("(TINPL|NIP).*?(\\d{10})");
    private static final Pattern SERIAL_PESEL = Pattern.compile("(PNOPL|PESEL).*?(\\d{11})");
    private static final Pattern ORGANIZATION_NIP = Pattern.compile("(VATPL).*?(\\d{10})");

    private CertificateSubjects() {
    }

    record Subject(String type, String value) {
    }

    /** The identifier named in the subject, if any. */
    static Optional<Subject> named(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        Optional<String> serial = value(name, BCStyle.SERIALNUMBER);
        Optional<Subject> fromSerial = serial.flatMap(s -> match(SERIAL_NIP, s, "Nip"))
                .or(() -> serial.flatMap(s -> match(SERIAL_PESEL, s, "Pesel")));
        return fromSerial.or(() -> value(name, BCStyle.ORGANIZATION_IDENTIFIER)
                .flatMap(s -> match(ORGANIZATION_NIP, s, "Nip")));
    }

    /** SHA-256 of the DER certificate, upper-case hex. */
    static Subject fingerprint(X509Certificate certificate) {
        try {
            return new Subject("Fingerprint", HexFormat.of().withUpperCase()
                    .formatHex(dev.ksefplatform.simulator.shared.Crypto.sha256(certificate.getEncoded())));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate can be encoded again", e);
        }
    }

    private static Optional<String> value(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? Optional.empty()
                : Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }

    private static Optional<Subject> match(Pattern pattern, String value, String type) {
        Matcher matcher = pattern.matcher(value);
        return matcher.find() ? Optional.of(new Subject(type, matcher.group(2))) : Optional.empty();
    }
}
