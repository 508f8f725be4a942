package dev.ksefplatform.ksef.client.support;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads a signed document back and checks it the way a verifier (KSeF, the simulator) would, with the JDK. */
public record SignedXml(Document doc) {

    public static final String DS = XMLSignature.XMLNS;
    public static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";

    public static SignedXml parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return new SignedXml(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
    }

    public Element signature() {
        return (Element) doc.getElementsByTagNameNS(DS, "Signature").item(0);
    }

    public Element signedProperties() {
        return (Element) doc.getElementsByTagNameNS(XADES, "SignedProperties").item(0);
    }

    public String text(String namespace, String localName) {
        Node node = doc.getElementsByTagNameNS(namespace, localName).item(0);
        return node == null ? null : node.getTextContent();
    }

    public X509Certificate embeddedCertificate() throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(text(DS, "X509Certificate"));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /** Core validation with the certificate carried in KeyInfo: the signature value and every reference. */
    public boolean verifies() throws Exception {
        DOMValidateContext context = new DOMValidateContext(embeddedCertificate().getPublicKey(), signature());
        context.setIdAttributeNS(signedProperties(), null, "Id");
        XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
        boolean valid = signature.validate(context);
        for (Object reference : signature.getSignedInfo().getReferences()) {
            valid &= ((Reference) reference).validate(context);
        }
        return valid;
    }

    /**
     * Validates the request part against {@code schemat_auth_v2-1.xsd} (v2-0 does not compile in Xerces; the XSD has
     * no slot for ds:Signature, so it is removed first, and the namespace is moved from 2.0 to 2.1).
     */
    public void validateRequestAgainstXsd() throws Exception {
        Document copy = (Document) doc.cloneNode(true);
        Element signature = (Element) copy.getElementsByTagNameNS(DS, "Signature").item(0);
        signature.getParentNode().removeChild(signature);
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(copy), new StreamResult(out));
        String v21 = out.toString().replace("http://ksef.mf.gov.pl/auth/token/2.0", "http://ksef.mf.gov.pl/auth/token/2.1");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(SignedXml.class.getResource("/dev/ksefplatform/ksef/xsd/auth/schemat_auth_v2-1.xsd"))
                .newValidator()
                .validate(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(v21)));
    }
}
