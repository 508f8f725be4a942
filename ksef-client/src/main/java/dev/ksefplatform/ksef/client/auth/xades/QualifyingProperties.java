package dev.ksefplatform.ksef.client.auth.xades;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code xades:QualifyingProperties} of XAdES-BES: SigningTime and SigningCertificateV2 (SHA-256 of the cert). */
final class QualifyingProperties {

    static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";

    private QualifyingProperties() {
    }

    /** The returned element's first child is the {@code SignedProperties} the signature references. */
    static Element build(Document doc, String signatureId, String propertiesId, X509Certificate certificate,
                         Instant signingTime) {
        Element qualifying = xades(doc, "QualifyingProperties");
        qualifying.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xades", XADES);
        qualifying.setAttribute("Target", "#" + signatureId);
        Element signed = child(qualifying, "SignedProperties");
        signed.setAttribute("Id", propertiesId);
        Element signatureProperties = child(signed, "SignedSignatureProperties");
        child(signatureProperties, "SigningTime").setTextContent(signingTime.truncatedTo(ChronoUnit.SECONDS).toString());
        Element cert = child(child(signatureProperties, "SigningCertificateV2"), "Cert");
        Element digest = child(cert, "CertDigest");
        Element method = ds(doc, "DigestMethod");
        method.setAttribute("Algorithm", DigestMethod.SHA256);
        digest.appendChild(method);
        Element value = ds(doc, "DigestValue");
        value.setTextContent(sha256(certificate));
        digest.appendChild(value);
        return qualifying;
    }

    private static Element child(Element parent, String name) {
        Element child = xades(parent.getOwnerDocument(), name);
        parent.appendChild(child);
        return child;
    }

    private static Element xades(Document doc, String name) {
        return doc.createElementNS(XADES, "xades:" + name);
    }

    private static Element ds(Document doc, String name) {
        Element element = doc.createElementNS(XMLSignature.XMLNS, "ds:" + name);
        element.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", XMLSignature.XMLNS);
        return element;
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot digest the signing certificate", e);
        }
    }
}
