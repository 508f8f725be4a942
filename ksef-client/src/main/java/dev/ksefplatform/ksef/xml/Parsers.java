package dev.ksefplatform.ksef.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

/**
 * The JDK's own parser, configured once: {@code newDefaultInstance} skips the service-loader lookup that
 * {@code newInstance} repeats on every call, and cannot pick up another implementation from the classpath.
 */
final class Parsers {

    private static final SAXParserFactory SAX = hardenedFactory();

    private Parsers() {
    }

    /**
     * Namespace-aware; refuses any DOCTYPE, so no entity is ever declared, expanded or fetched. Synchronized: JAXP
     * factories are not thread-safe, and passes are created on whichever threads find the pool empty.
     */
    static synchronized XMLReader hardenedReader() {
        try {
            return SAX.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create a hardened XML reader", e);
        }
    }

    /** No DTDs, no external schemas: an invoice is data from a tenant, not a place to fetch from. */
    static ValidatorHandler validatorHandler(Schema schema) {
        ValidatorHandler validator = schema.newValidatorHandler();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("cannot harden the XML validator", e);
        }
        return validator;
    }

    private static SAXParserFactory hardenedFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("JAXP parser without DOCTYPE refusal or secure processing", e);
        }
        return factory;
    }
}
