package dev.ksefplatform.ksef.client.auth.xades;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.SubjectIdentifierType;
import dev.ksefplatform.ksef.client.TestCertificates;
import dev.ksefplatform.ksef.client.XadesCredential;
import dev.ksefplatform.ksef.client.support.SignedXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class XadesSignerTest {

    static final String NIP = "5265877635";
    static final String CHALLENGE = "20250514-CR-226FB7B000-3ACF9BE4C0-10";
    static final Instant SIGNING_TIME = Instant.parse("2025-05-14T13:35:20Z");
    static final XadesSigner SIGNER = new XadesSigner(Clock.fixed(SIGNING_TIME, ZoneOffset.UTC));

    @Test
    void signsTheAuthTokenRequestEnvelopedWithRsaSha256SoThatItVerifies() throws Exception {
        XadesCredential credential = TestCertificates.selfSignedForNip(NIP);

        SignedXml signed = SignedXml.parse(sign(credential, SubjectIdentifierType.CERTIFICATE_SUBJECT));

        assertThat(signed.verifies()).isTrue();
        assertThat(signed.signature().getParentNode()).isEqualTo(signed.doc().getDocumentElement());
        assertThat(signed.doc().getDocumentElement().getNamespaceURI()).isEqualTo(AuthTokenRequestXml.NAMESPACE);
        assertThat(signed.text(AuthTokenRequestXml.NAMESPACE, "Challenge")).isEqualTo(CHALLENGE);
        assertThat(signed.text(AuthTokenRequestXml.NAMESPACE, "Nip")).isEqualTo(NIP);
        assertThat(signed.text(AuthTokenRequestXml.NAMESPACE, "SubjectIdentifierType")).isEqualTo("certificateSubject");
        assertThat(algorithm(signed, "SignatureMethod")).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(signed.embeddedCertificate()).isEqualTo(credential.certificate());
        signed.validateRequestAgainstXsd();
    }

    @Test
    void signsWithEcdsaSha256ForAnEcKey() throws Exception {
        SignedXml signed = SignedXml.parse(sign(TestCertificates.selfSignedEcForNip(NIP),
                SubjectIdentifierType.CERTIFICATE_FINGERPRINT));

        assertThat(signed.verifies()).isTrue();
        assertThat(algorithm(signed, "SignatureMethod")).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256");
        byte[] value = Base64.getMimeDecoder().decode(signed.text(SignedXml.DS, "SignatureValue"));
        assertThat(value).as("R||S of P-256, not DER").hasSize(64);
        assertThat(signed.text(AuthTokenRequestXml.NAMESPACE, "SubjectIdentifierType")).isEqualTo("certificateFingerprint");
    }

    @Test
    void referencesTheWholeDocumentAndTheSignedPropertiesWithXadesBesContent() throws Exception {
        XadesCredential credential = TestCertificates.selfSignedForNip(NIP);

        SignedXml signed = SignedXml.parse(sign(credential, SubjectIdentifierType.CERTIFICATE_SUBJECT));

        var references = signed.doc().getElementsByTagNameNS(SignedXml.DS, "Reference");
        assertThat(references.getLength()).isEqualTo(2);
        var document = (org.w3c.dom.Element) references.item(0);
        assertThat(document.getAttribute("URI")).isEmpty();
        var transforms = document.getElementsByTagNameNS(SignedXml.DS, "Transform");
        assertThat(((org.w3c.dom.Element) transforms.item(0)).getAttribute("Algorithm"))
                .isEqualTo("http://www.w3.org/2000/09/xmldsig#enveloped-signature");
        assertThat(((org.w3c.dom.Element) transforms.item(1)).getAttribute("Algorithm"))
                .isEqualTo("http://www.w3.org/2001/10/xml-exc-c14n#");
        var properties = (org.w3c.dom.Element) references.item(1);
        assertThat(properties.getAttribute("Type")).isEqualTo("http://uri.etsi.org/01903#SignedProperties");
        assertThat(properties.getAttribute("URI")).isEqualTo("#" + signed.signedProperties().getAttribute("Id"));
        assertThat(signed.text(SignedXml.XADES, "SigningTime")).isEqualTo("2025-05-14T13:35:20Z");
        var certDigest = (org.w3c.dom.Element) signed.doc().getElementsByTagNameNS(SignedXml.XADES, "CertDigest").item(0);
        assertThat(certDigest.getParentNode().getParentNode().getLocalName()).isEqualTo("SigningCertificateV2");
        assertThat(certDigest.getElementsByTagNameNS(SignedXml.DS, "DigestValue").item(0).getTextContent())
                .isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(credential.certificate().getEncoded())));
        var qualifying = (org.w3c.dom.Element) signed.doc().getElementsByTagNameNS(SignedXml.XADES, "QualifyingProperties").item(0);
        assertThat(qualifying.getAttribute("Target")).isEqualTo("#" + signed.signature().getAttribute("Id"));
    }

    @Test
    void aChangedChallengeNoLongerVerifies() throws Exception {
        String xml = new String(sign(TestCertificates.selfSignedForNip(NIP), SubjectIdentifierType.CERTIFICATE_SUBJECT),
                StandardCharsets.UTF_8);

        SignedXml tampered = SignedXml.parse(xml.replace(CHALLENGE, "20250514-CR-226FB7B000-3ACF9BE4C0-11")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(tampered.verifies()).isFalse();
    }

    @Test
    void aSignedPropertyChangedAfterSigningNoLongerVerifies() throws Exception {
        String xml = new String(sign(TestCertificates.selfSignedForNip(NIP), SubjectIdentifierType.CERTIFICATE_SUBJECT),
                StandardCharsets.UTF_8);

        SignedXml tampered = SignedXml.parse(xml.replace("2025-05-14T13:35:20Z", "2025-05-14T13:35:21Z")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(tampered.verifies()).isFalse();
    }

    @Test
    void testCertificatesCarryTheNipInTheSubjectSerialNumber() {
        XadesCredential credential = TestCertificates.selfSignedForNip(NIP);

        assertThat(credential.certificate().getSubjectX500Principal().getName())
                .contains("2.5.4.5=#") // serialNumber, printed as DER by the JDK
                .isEqualTo(credential.certificate().getIssuerX500Principal().getName());
        assertThat(new org.bouncycastle.asn1.x500.X500Name(credential.certificate().getSubjectX500Principal().getName())
                .toString()).contains("TINPL-" + NIP);
        assertThat(credential.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void readsACredentialFromPemAndSignsWithIt() throws Exception {
        XadesCredential original = TestCertificates.selfSignedEcForNip(NIP);

        XadesCredential fromPem = XadesCredential.fromPem(TestCertificates.privateKeyPem(original),
                TestCertificates.certificatePem(original));

        assertThat(fromPem.privateKey().getEncoded()).isEqualTo(original.privateKey().getEncoded());
        assertThat(fromPem.certificate()).isEqualTo(original.certificate());
        assertThat(SignedXml.parse(sign(fromPem, SubjectIdentifierType.CERTIFICATE_SUBJECT)).verifies()).isTrue();
    }

    @Test
    void readsACredentialFromPkcs12() throws Exception {
        XadesCredential original = TestCertificates.selfSignedForNip(NIP);
        char[] password = "changeit".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signer", original.privateKey(), password, new Certificate[]{original.certificate()});
        ByteArrayOutputStream p12 = new ByteArrayOutputStream();
        store.store(p12, password);

        XadesCredential loaded = XadesCredential.fromPkcs12(new ByteArrayInputStream(p12.toByteArray()), password);

        assertThat(loaded.certificate()).isEqualTo(original.certificate());
        assertThat(SignedXml.parse(sign(loaded, SubjectIdentifierType.CERTIFICATE_SUBJECT)).verifies()).isTrue();
    }

    private static byte[] sign(XadesCredential credential, SubjectIdentifierType type) {
        return SIGNER.sign(AuthTokenRequestXml.build(CHALLENGE, ContextIdentifier.nip(NIP), type), credential);
    }

    private static String algorithm(SignedXml signed, String element) {
        return ((org.w3c.dom.Element) signed.doc().getElementsByTagNameNS(SignedXml.DS, element).item(0))
                .getAttribute("Algorithm");
    }
}
