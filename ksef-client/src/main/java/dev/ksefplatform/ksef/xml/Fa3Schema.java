package dev.ksefplatform.ksef.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.sax.SAXSource;
import org.xml.sax.InputSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official FA(3) schema, compiled once from the copies in this jar (no network). Thread-safe:
 * each validation gets its own {@link Validator}.
 */
public final class Fa3Schema {

    /** FA(3) target namespace. */
    public static final String NAMESPACE = "http://crd.gov.pl/wzor/2025/06/25/13775/";

    private static final String ROOT = "/dev/ksefplatform/ksef/xsd/fa3/";
    private static final Fa3Schema INSTANCE = new Fa3Schema();

    private final Schema schema;
    private final OccurrenceBounds bounds = new OccurrenceBounds();

    private Fa3Schema() {
        this.schema = OfflineSchemas.compile(ROOT, "schemat_FA(3)_v1-0E.xsd", bounds);
    }

    public static Fa3Schema get() {
        return INSTANCE;
    }

    /**
     * Validates an invoice document.
     *
     * @return the violations, empty when the document is valid; a document that is not well
     *     formed yields one violation saying so
     */
    public List<XmlViolation> validate(byte[] xml) {
        List<XmlViolation> violations = new ArrayList<>();
        Validator validator = schema.newValidator();
        OfflineSchemas.harden(validator);
        validator.setErrorHandler(new Collector(violations));
        try (InputStream in = new ByteArrayInputStream(xml)) {
            validator.validate(new SAXSource(OfflineSchemas.hardenedReader(), new InputSource(in)));
        } catch (SAXParseException e) {
            violations.add(XmlViolation.of(e));
        } catch (SAXException e) {
            violations.add(new XmlViolation(0, 0, e.getMessage()));
        } catch (IOException e) {
            violations.add(new XmlViolation(0, 0, "unreadable: " + e.getMessage()));
        }
        if (violations.isEmpty()) {
            violations.addAll(bounds.check(xml, OfflineSchemas.STAX));
        }
        return List.copyOf(violations);
    }

    /** Keeps every error instead of stopping at the first, so a tenant sees all that is wrong. */
    private record Collector(List<XmlViolation> violations) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document invalid
        }

        @Override
        public void error(SAXParseException e) {
            violations.add(XmlViolation.of(e));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e; // recorded once, by validate's catch
        }
    }

    /** For callers that want the raw schema (e.g. to validate a DOM). */
    public Schema schema() {
        return schema;
    }

    static SchemaFactory newFactory() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            // The official content models exceed the JDK's default limit of 5,000 nodes.
            factory.setProperty("jdk.xml.maxOccurLimit", 0);
        } catch (SAXException e) {
            throw new IllegalStateException("JAXP implementation does not accept jdk.xml.maxOccurLimit", e);
        }
        return factory;
    }
}
