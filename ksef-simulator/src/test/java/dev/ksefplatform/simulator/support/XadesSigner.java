package dev.ksefplatform.simulator.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Document;

/**
 * The client side of a XAdES login, as a test writes it: a self-signed certificate (BouncyCastle)
 * and an enveloped XML signature made with the JDK's {@code javax.xml.crypto.dsig} API.
 */
public final class XadesSigner {

    public static final String NS_20 = "http://ksef.mf.gov.pl/auth/token/2.0";
    public static final String NS_21 = "http://ksef.mf.gov.pl/auth/token/2.1";

    private final KeyPair keys;
    private final X509Certificate certificate;

    private XadesSigner(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A personal certificate: serialNumber {@code TINPL-<nip>}. */
    public static XadesSigner personWithNip(String nip) throws Exception {
        return create(2048, new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "Jan Testowy")
                .addRDN(BCStyle.SERIALNUMBER, "TINPL-" + nip).addRDN(BCStyle.C, "PL").build());
    }

    /** A seal: organizationIdentifier {@code VATPL-<nip>}. */
    public static XadesSigner sealWithNip(String nip) throws Exception {
        return create(2048, new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "Firma Testowa")
                .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, "VATPL-" + nip).addRDN(BCStyle.O, "Firma Testowa")
                .addRDN(BCStyle.C, "PL").build());
    }

    public static XadesSigner withRsaBits(int bits, String nip) throws Exception {
        return create(bits, new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "Weak")
                .addRDN(BCStyle.SERIALNUMBER, "TINPL-" + nip).build());
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String fingerprint() throws GeneralSecurityException {
        return java.util.HexFormat.of().withUpperCase().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    public static String request(String namespace, String challenge, String contextNip, String subjectType) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<AuthTokenRequest xmlns=\"" + namespace + "\">"
                + "<Challenge>" + challenge + "</Challenge>"
                + "<ContextIdentifier><Nip>" + contextNip + "</Nip></ContextIdentifier>"
                + "<SubjectIdentifierType>" + subjectType + "</SubjectIdentifierType></AuthTokenRequest>";
    }

    /** Signs the whole document: one Reference URI="" with the enveloped-signature transform. */
    public byte[] sign(String xml) throws Exception {
        return sign(xml, "");
    }

    /** Signs with a Reference to {@code uri}; an external URI gives a detached signature. */
    public byte[] sign(String xml, String uri) throws Exception {
        Document document = parse(xml.getBytes(StandardCharsets.UTF_8));
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        List<Transform> transforms = uri.isEmpty()
                ? List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                        factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null))
                : List.of();
        Reference reference = factory.newReference(uri, factory.newDigestMethod(DigestMethod.SHA256, null),
                transforms, null, null);
        SignedInfo signedInfo = factory.newSignedInfo(factory.newCanonicalizationMethod(
                        CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
        KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
        KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(certificate))));
        DOMSignContext context = new DOMSignContext(keys.getPrivate(), document.getDocumentElement());
        if (!uri.isEmpty()) {
            context.setURIDereferencer((ref, ctx) -> new javax.xml.crypto.OctetStreamData(
                    new ByteArrayInputStream("external content".getBytes(StandardCharsets.UTF_8))));
        }
        factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        return serialise(document);
    }

    /** The enveloping form: the request sits in a ds:Object of the signature, referenced by its Id. */
    public byte[] signEnveloping(String xml) throws Exception {
        Document request = parse(xml.getBytes(StandardCharsets.UTF_8));
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        javax.xml.crypto.dsig.XMLObject object = factory.newXMLObject(List.of(new javax.xml.crypto.dom.DOMStructure(
                document.importNode(request.getDocumentElement(), true))), "auth-request", null, null);
        Reference reference = factory.newReference("#auth-request", factory.newDigestMethod(DigestMethod.SHA256, null),
                List.of(factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                null, null);
        SignedInfo signedInfo = factory.newSignedInfo(factory.newCanonicalizationMethod(
                        CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
        KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
        KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(certificate))));
        factory.newXMLSignature(signedInfo, keyInfo, List.of(object), null, null)
                .sign(new DOMSignContext(keys.getPrivate(), document));
        return serialise(document);
    }

    /** Adds the signature of {@code signed} once more, so the document carries two signatures. */
    public static byte[] withSecondSignature(byte[] signed) throws Exception {
        Document document = parse(signed);
        org.w3c.dom.Node signature = document.getElementsByTagNameNS(
                javax.xml.crypto.dsig.XMLSignature.XMLNS, "Signature").item(0);
        document.getDocumentElement().appendChild(signature.cloneNode(true));
        return serialise(document);
    }

    private static XadesSigner create(int bits, X500Name subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)),
                        subject, keys.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        return new XadesSigner(keys, certificate);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static byte[] serialise(Document document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }
}
