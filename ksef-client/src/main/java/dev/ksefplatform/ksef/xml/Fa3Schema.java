package dev.ksefplatform.ksef.xml;

import java.util.List;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The official FA(3) schema, compiled once from the copies in this jar (no network), and the one-pass reading of
 * invoices against it. Thread-safe: the schema is immutable, and each document is read by a pooled pass of its own.
 */
public final class Fa3Schema {

    /** FA(3) target namespace. */
    public static final String NAMESPACE = "http://crd.gov.pl/wzor/2025/06/25/13775/";

    private static final String ROOT = "/dev/ksefplatform/ksef/xsd/fa3/";
    private static final Fa3Schema INSTANCE = new Fa3Schema();

    private final Schema schema;
    private final PassPool passes;

    private Fa3Schema() {
        OccurrenceBounds bounds = new OccurrenceBounds();
        this.schema = OfflineSchemas.compile(ROOT, "schemat_FA(3)_v1-0E.xsd", bounds);
        this.passes = new PassPool(() -> new SinglePass(Parsers.hardenedReader(), Parsers.validatorHandler(schema), bounds));
    }

    public static Fa3Schema get() {
        return INSTANCE;
    }

    /**
     * Reads an invoice once: UTF-8 without BOM, within {@link XmlLimits#DEFAULT}, well formed, FA(3)-valid
     * (large occurrence bounds included), and its {@link InvoiceFacts}.
     */
    public Fa3Reading read(byte[] xml) {
        return read(xml, XmlLimits.DEFAULT);
    }

    public Fa3Reading read(byte[] xml, XmlLimits limits) {
        return passes.apply(pass -> pass.read(xml, limits));
    }

    /**
     * Validates an invoice document ({@link #read} without the facts).
     *
     * @return the violations, empty when the document is valid; a document that is not well formed, not UTF-8 or
     *     over a limit yields one violation saying so
     */
    public List<XmlViolation> validate(byte[] xml) {
        return read(xml).violations();
    }

    /** For callers that want the raw schema (e.g. to validate a DOM). */
    public Schema schema() {
        return schema;
    }

    static SchemaFactory newFactory() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            // The official content models exceed the JDK's default limit of 5,000 nodes.
            factory.setProperty("jdk.xml.maxOccurLimit", 0);
        } catch (SAXException e) {
            throw new IllegalStateException("JAXP implementation does not accept jdk.xml.maxOccurLimit", e);
        }
        return factory;
    }
}
