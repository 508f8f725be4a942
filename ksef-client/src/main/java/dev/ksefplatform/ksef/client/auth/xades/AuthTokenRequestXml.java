package dev.ksefplatform.ksef.client.auth.xades;

import dev.ksefplatform.ksef.client.ContextIdentifier;
import dev.ksefplatform.ksef.client.SubjectIdentifierType;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The unsigned {@code AuthTokenRequest} document ({@code http://ksef.mf.gov.pl/auth/token/2.0}). */
public final class AuthTokenRequestXml {

    public static final String NAMESPACE = "http://ksef.mf.gov.pl/auth/token/2.0";

    private AuthTokenRequestXml() {
    }

    public static Document build(String challenge, ContextIdentifier context, SubjectIdentifierType subjectType) {
        Document doc = newDocument();
        Element root = doc.createElementNS(NAMESPACE, "AuthTokenRequest");
        // Declared as an attribute, not just implied: canonicalisation sees only declared namespaces.
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", NAMESPACE);
        doc.appendChild(root);
        append(doc, root, "Challenge").setTextContent(challenge);
        append(doc, append(doc, root, "ContextIdentifier"), context.type().name()).setTextContent(context.value());
        append(doc, root, "SubjectIdentifierType").setTextContent(subjectType.wireName());
        return doc;
    }

    private static Element append(Document doc, Element parent, String name) {
        Element child = doc.createElementNS(NAMESPACE, name);
        parent.appendChild(child);
        return child;
    }

    static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM implementation", e);
        }
    }
}
