package dev.ksefplatform.simulator.auth;

import dev.ksefplatform.ksef.xml.HardenedDom;
import dev.ksefplatform.simulator.error.KsefException;
import dev.ksefplatform.simulator.shared.Crypto;
import java.io.IOException;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a signed {@code AuthTokenRequest} (no DTDs, no external entities) and verifies its one
 * enveloped or enveloping XML signature against the certificate in its KeyInfo. Chain trust is not
 * checked: the TE environment accepts self-signed certificates.
 */
final class XadesVerifier {

    static final Set<String> NAMESPACES = Set.of("http://ksef.mf.gov.pl/auth/token/2.0",
            "http://ksef.mf.gov.pl/auth/token/2.1");
    private static final Set<String> ID_NAMES = Set.of("Id", "ID", "id");
    /** A XAdES-signed request nests about twelve levels deep; a fatal parse error is reported as 21001. */
    private static final HardenedDom PARSER = new HardenedDom(64);

    SignedAuthRequest verify(byte[] xml) {
        Document document = parse(xml);
        Element request = authTokenRequest(document);
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() == 0) {
            throw new KsefException(9102, "Brak podpisu.");
        }
        if (signatures.getLength() > 1) {
            throw new KsefException(9103, "Przekroczona liczba dozwolonych podpisów.");
        }
        markIds(document.getDocumentElement());
        X509Certificate certificate = validate((Element) signatures.item(0), request);
        return new SignedAuthRequest(text(request, "Challenge"), contextType(request), contextValue(request),
                text(request, "SubjectIdentifierType"), certificate, Crypto.sha256Base64(xml));
    }

    private static Document parse(byte[] xml) {
        try {
            return PARSER.parse(xml);
        } catch (SAXException | IOException e) {
            throw new KsefException(21001, "Nieczytelna treść.");
        }
    }

    /** The request is the root (enveloped) or sits inside the signature's ds:Object (enveloping). */
    private static Element authTokenRequest(Document document) {
        for (String namespace : NAMESPACES) {
            NodeList found = document.getElementsByTagNameNS(namespace, "AuthTokenRequest");
            if (found.getLength() == 1) {
                return (Element) found.item(0);
            }
        }
        throw xsd("Oczekiwano elementu AuthTokenRequest w przestrzeni nazw " + NAMESPACES + ".");
    }

    private static X509Certificate validate(Element signatureElement, Element request) {
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            CertificateKeySelector keys = new CertificateKeySelector();
            DOMValidateContext context = new DOMValidateContext(keys, signatureElement);
            XMLSignature signature = factory.unmarshalXMLSignature(context);
            requireCoversRequest(signature, request);
            boolean valid = signature.validate(context);
            if (keys.certificate == null) {
                throw new KsefException(21115, "Nieprawidłowy certyfikat.", "Brak certyfikatu X.509 w KeyInfo.");
            }
            if (!valid) {
                throw invalidSignature("Weryfikacja podpisu lub skrótów zakończona niepowodzeniem.");
            }
            return keys.certificate;
        } catch (MarshalException | XMLSignatureException e) {
            if (e.getCause() instanceof KsefException ksef) {
                throw ksef;
            }
            throw invalidSignature("Nieprawidłowa struktura podpisu.");
        }
    }

    /**
     * A detached signature points outside the document; an enveloped one uses URI="" and an
     * enveloping one "#id" of an element that holds the request.
     */
    @SuppressWarnings("unchecked")
    private static void requireCoversRequest(XMLSignature signature, Element request) {
        boolean covered = false;
        for (Reference reference : (List<Reference>) signature.getSignedInfo().getReferences()) {
            String uri = reference.getURI();
            if (uri != null && !uri.isEmpty() && !uri.startsWith("#")) {
                throw new KsefException(9101, "Nieprawidłowy dokument.", "Podpis zewnętrzny (detached) nie jest dozwolony.");
            }
            covered |= uri != null && (uri.isEmpty() || holdsRequest(request.getOwnerDocument(), uri.substring(1), request));
        }
        if (!covered) {
            throw new KsefException(9101, "Nieprawidłowy dokument.", "Podpis nie obejmuje dokumentu AuthTokenRequest.");
        }
    }

    private static boolean holdsRequest(Document document, String id, Element request) {
        Element target = document.getElementById(id);
        for (org.w3c.dom.Node node = request; node != null; node = node.getParentNode()) {
            if (node == target) {
                return true;
            }
        }
        return false;
    }

    private static void markIds(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (ID_NAMES.contains(attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName())) {
                element.setIdAttributeNode(attribute, true);
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                markIds(child);
            }
        }
    }

    private static String contextType(Element request) {
        Element context = child(request, "ContextIdentifier");
        for (org.w3c.dom.Node node = context.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element.getLocalName();
            }
        }
        throw xsd("ContextIdentifier: wymagany identyfikator.");
    }

    private static String contextValue(Element request) {
        return text(child(request, "ContextIdentifier"), contextType(request));
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && parent.getNamespaceURI().equals(element.getNamespaceURI())) {
                return element;
            }
        }
        throw xsd(name + ": element wymagany.");
    }

    private static KsefException xsd(String detail) {
        return new KsefException(21401, "Dokument nie jest zgodny ze schemą (xsd).", detail);
    }

    private static KsefException invalidSignature(String detail) {
        return new KsefException(9105, "Nieprawidłowy podpis.", detail);
    }

    /** Takes the signing key from the X.509 certificate in KeyInfo, and refuses weak keys (21115). */
    private static final class CertificateKeySelector extends KeySelector {

        private X509Certificate certificate;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) {
            if (keyInfo == null) {
                throw new KsefException(21115, "Nieprawidłowy certyfikat.", "Brak KeyInfo w podpisie.");
            }
            for (Object content : keyInfo.getContent()) {
                if (content instanceof X509Data data) {
                    for (Object item : data.getContent()) {
                        if (item instanceof X509Certificate found) {
                            certificate = requireStrong(found);
                            Key key = found.getPublicKey();
                            return () -> key;
                        }
                    }
                }
            }
            throw new KsefException(21115, "Nieprawidłowy certyfikat.", "Brak certyfikatu X.509 w KeyInfo.");
        }

        private static X509Certificate requireStrong(X509Certificate certificate) {
            if (certificate.getPublicKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
                throw new KsefException(21115, "Nieprawidłowy certyfikat.", "Klucz RSA krótszy niż 2048 bitów.");
            }
            if (certificate.getPublicKey() instanceof ECPublicKey ec
                    && ec.getParams().getCurve().getField().getFieldSize() < 256) {
                throw new KsefException(21115, "Nieprawidłowy certyfikat.", "Krzywa EC krótsza niż 256 bitów.");
            }
            try {
                certificate.checkValidity();
            } catch (java.security.cert.CertificateException e) {
                throw new KsefException(21115, "Nieprawidłowy certyfikat.", "Certyfikat wygasł lub nie jest jeszcze ważny.");
            }
            return certificate;
        }
    }
}
