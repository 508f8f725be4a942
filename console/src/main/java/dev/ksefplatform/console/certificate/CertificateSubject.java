package dev.ksefplatform.console.certificate;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Whom a certificate names as KSeF reads it for a {@code certificateSubject} login (credential-service logs in so):
 * NIP or PESEL in serialNumber ({@code TINPL-…}, {@code PNOPL-…}), or NIP in organizationIdentifier
 * ({@code VATPL-…}) — the rules of the simulator's {@code CertificateSubjects}. A certificate naming neither is
 * refused by KSeF (21115).
 */
public record CertificateSubject(String type, String value) {

    public static final String NIP = "Nip";
    public static final String PESEL = "Pesel";

    private static final Pattern SERIAL_NIP = Pattern.compile("(TINPL|NIP).*?(\\d{10})");
    private static final Pattern SERIAL_PESEL = Pattern.compile("(PNOPL|PESEL).*?(\\d{11})");
    private static final Pattern ORGANIZATION_NIP = Pattern.compile("(VATPL).*?(\\d{10})");

    static Optional<CertificateSubject> named(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        Optional<String> serial = value(name, BCStyle.SERIALNUMBER);
        return serial.flatMap(s -> match(SERIAL_NIP, s, NIP))
                .or(() -> serial.flatMap(s -> match(SERIAL_PESEL, s, PESEL)))
                .or(() -> value(name, BCStyle.ORGANIZATION_IDENTIFIER).flatMap(s -> match(ORGANIZATION_NIP, s, NIP)));
    }

    private static Optional<String> value(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? Optional.empty() : Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }

    private static Optional<CertificateSubject> match(Pattern pattern, String value, String type) {
        Matcher matcher = pattern.matcher(value);
        return matcher.find() ? Optional.of(new CertificateSubject(type, matcher.group(2))) : Optional.empty();
    }
}
