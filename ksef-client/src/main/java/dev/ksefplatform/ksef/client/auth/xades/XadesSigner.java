package dev.ksefplatform.ksef.client.auth.xades;

import dev.ksefplatform.ksef.client.XadesCredential;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Enveloped XAdES-BES with the JDK's XML-DSig: one reference to the whole document (enveloped-signature + exc-c14n),
 * one to the {@code SignedProperties} (SigningTime, SigningCertificateV2), SHA-256 digests, RSA-SHA256 or
 * ECDSA-SHA256 (the JDK writes ECDSA values as R||S, as XML-DSig and KSeF require).
 */
public final class XadesSigner {

    public static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties";

    private final Clock clock;

    public XadesSigner(Clock clock) {
        this.clock = clock;
    }

    /** Signs {@code doc} in place (the signature becomes the root's last child) and returns it serialised. */
    public byte[] sign(Document doc, XadesCredential credential) {
        String id = UUID.randomUUID().toString();
        String signatureId = "Signature-" + id;
        String propertiesId = "SignedProperties-" + id;
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Element qualifying = QualifyingProperties.build(doc, signatureId, propertiesId, credential.certificate(),
                    clock.instant());
            Element signedProperties = (Element) qualifying.getFirstChild();
            XMLSignature signature = factory.newXMLSignature(signedInfo(factory, credential, propertiesId),
                    keyInfo(factory, credential), List.of(factory.newXMLObject(
                            List.of(new DOMStructure(qualifying)), null, null, null)), signatureId, null);
            DOMSignContext context = new DOMSignContext(credential.privateKey(), doc.getDocumentElement());
            context.setDefaultNamespacePrefix("ds");
            context.setIdAttributeNS(signedProperties, null, "Id");
            signature.sign(context);
            return serialise(doc);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("XAdES signing failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static SignedInfo signedInfo(XMLSignatureFactory factory, XadesCredential credential, String propertiesId)
            throws GeneralSecurityException {
        DigestMethod sha256 = factory.newDigestMethod(DigestMethod.SHA256, null);
        Transform excC14n = factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null);
        Reference document = factory.newReference("", sha256, List.of(
                factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null), excC14n), null, null);
        Reference properties = factory.newReference("#" + propertiesId, sha256, List.of(excC14n),
                SIGNED_PROPERTIES_TYPE, null);
        return factory.newSignedInfo(
                factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                factory.newSignatureMethod(signatureMethod(credential), null), List.of(document, properties));
    }

    private static String signatureMethod(XadesCredential credential) {
        return switch (credential.privateKey().getAlgorithm()) {
            case "RSA" -> SignatureMethod.RSA_SHA256;
            case "EC" -> SignatureMethod.ECDSA_SHA256;
            default -> throw new IllegalArgumentException("unsupported key algorithm "
                    + credential.privateKey().getAlgorithm() + "; use RSA or EC");
        };
    }

    private static KeyInfo keyInfo(XMLSignatureFactory factory, XadesCredential credential) {
        KeyInfoFactory keys = factory.getKeyInfoFactory();
        return keys.newKeyInfo(List.of(keys.newX509Data(List.of(credential.certificate()))));
    }

    private static byte[] serialise(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise the signed document", e);
        }
    }
}
