package dev.ksefplatform.console.inbox.fa3;

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
 * The JDK's DOM parser, hardened: no DOCTYPE (so no entity is declared, expanded or fetched), no external DTD,
 * schema or XInclude, secure processing on, at most {@link #MAX_DEPTH} levels, and documents of at most
 * {@link #MAX_BYTES}. Written here rather than shared: service-support has no XML parser, and ksef-client's
 * hardened reader is package-private and streams facts only, while a rendering needs the whole tree (lines,
 * addresses, totals by rate).
 */
final class Fa3Xml {

    /** KSeF's own ceiling: 1 MB per invoice, 3 MB with attachments. */
    static final int MAX_BYTES = 3 * 1024 * 1024;
    static final int MAX_DEPTH = 32;

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private Fa3Xml() {
    }

    static Document parse(byte[] xml) {
        if (xml.length > MAX_BYTES) {
            throw new UnreadableInvoice("the document is larger than " + MAX_BYTES + " bytes", null);
        }
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new UnreadableInvoice("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Synchronized: a JAXP factory is not thread-safe. */
    private static synchronized DocumentBuilder builder() {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // errors are thrown, not printed to stderr
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create a hardened XML parser", e);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
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
        factory.setAttribute("jdk.xml.maxElementDepth", MAX_DEPTH);
        return factory;
    }
}
