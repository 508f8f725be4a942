package dev.ksefplatform.ksef.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A DOM parser for documents from outside (invoices, signed requests): the JDK's own implementation configured once
 * ({@code newDefaultInstance}: no service-loader lookup per call), namespace-aware, refusing any DOCTYPE (so no entity
 * is declared, expanded or fetched), nothing external, no XInclude, and at most {@code maxDepth} nested elements, so a
 * hostile nesting is refused early instead of building a deep tree. Keep one per use in a constant.
 */
public final class HardenedDom {

    private final DocumentBuilderFactory factory;

    public HardenedDom(int maxDepth) {
        factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JAXP parser without DOCTYPE refusal or secure processing", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setAttribute("jdk.xml.maxElementDepth", maxDepth);
    }

    /** The document, or the parser's own reason it is not well-formed (or breaks a limit). */
    public Document parse(byte[] xml) throws SAXException, IOException {
        return builder().parse(new ByteArrayInputStream(xml));
    }

    /** Synchronized: a JAXP factory is not thread-safe; the builder it gives is used by one thread, then dropped. */
    private synchronized DocumentBuilder builder() {
        try {
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // a fatal error is thrown, nothing is printed to stderr
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create a hardened XML parser", e);
        }
    }
}
