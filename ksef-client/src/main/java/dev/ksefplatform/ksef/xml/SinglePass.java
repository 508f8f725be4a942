package dev.ksefplatform.ksef.xml;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One read of a document: the parser's events are checked against the {@link XmlLimits} first, then handed to the
 * schema's validator, counted against the {@link OccurrenceBounds} and mined for {@link InvoiceFacts}. Holds a
 * parser and a validator, neither thread-safe: one pass serves one document at a time (see {@link #POOL}).
 */
final class SinglePass extends DefaultHandler {

    /** Passes without a validator, for reading facts only. */
    static final PassPool POOL = new PassPool(() -> new SinglePass(Parsers.hardenedReader(), null, OccurrenceBounds.NONE));

    private final XMLReader reader;
    private final ValidatorHandler validator;
    private final OccurrenceBounds.Counter bounds;
    private final FactsCollector facts = new FactsCollector();
    private final List<XmlViolation> violations = new ArrayList<>();
    private XmlLimits limits;
    private Locator locator;
    private int depth;
    private int elements;
    private int textRun;

    SinglePass(XMLReader reader, ValidatorHandler validator, OccurrenceBounds bounds) {
        this.reader = reader;
        this.validator = validator;
        this.bounds = bounds.counter();
        reader.setContentHandler(this);
        reader.setErrorHandler(this);
        if (validator != null) {
            validator.setErrorHandler(this);
        }
    }

    /** Limits, schema, occurrence bounds and facts in one pass. */
    Fa3Reading read(byte[] xml, XmlLimits limits) {
        String encoding = Utf8Prolog.refusal(xml);
        if (encoding != null) {
            return new Fa3Reading.NotUtf8(encoding);
        }
        try {
            parse(xml, limits);
        } catch (LimitBroken e) {
            return new Fa3Reading.OverLimit(e.limit, limits.max(e.limit), e.where);
        } catch (NotUtf8 e) {
            return new Fa3Reading.NotUtf8(e.getMessage());
        }
        InvoiceFacts read = violations.isEmpty() ? facts.facts() : null;
        if (read == null && violations.isEmpty()) {
            violations.add(new XmlViolation(0, 0, facts.unparsable()));
        }
        return read != null ? new Fa3Reading.Valid(read) : new Fa3Reading.Invalid(violations);
    }

    /** Facts only: no schema; any violation, broken limit or unparsable amount is an IllegalArgumentException. */
    InvoiceFacts facts(byte[] xml, XmlLimits limits) {
        Fa3Reading reading = read(xml, limits);
        if (reading instanceof Fa3Reading.Valid valid) {
            return valid.facts();
        }
        throw new IllegalArgumentException("cannot read the invoice's facts: " + reading.violations().get(0));
    }

    private void parse(byte[] xml, XmlLimits limits) throws LimitBroken, NotUtf8 {
        reset(limits);
        InputSource source = new InputSource(new ByteArrayInputStream(xml));
        source.setEncoding("UTF-8"); // whatever the prolog or the first bytes suggest: Utf8Prolog vetted them
        try {
            reader.parse(source);
        } catch (LimitBroken | NotUtf8 e) {
            throw e;
        } catch (TooManyViolations e) {
            violations.add(new XmlViolation(e.line, e.column, "more violations follow; reading stopped after "
                    + limits.maxViolations()));
        } catch (SAXParseException e) {
            notUtf8(e.getException());
            violations.add(XmlViolation.of(e));
        } catch (SAXException e) {
            notUtf8(e.getException());
            violations.add(new XmlViolation(0, 0, e.getMessage()));
        } catch (CharConversionException e) {
            throw new NotUtf8("the invoice is not valid UTF-8 (" + e.getMessage() + ")");
        } catch (IOException e) {
            violations.add(new XmlViolation(0, 0, "unreadable: " + e.getMessage()));
        }
    }

    private static void notUtf8(Exception cause) throws NotUtf8 {
        if (cause instanceof CharConversionException) {
            throw new NotUtf8("the invoice is not valid UTF-8 (" + cause.getMessage() + ")");
        }
    }

    private void reset(XmlLimits limits) {
        this.limits = limits;
        violations.clear();
        facts.reset(limits.maxDepth());
        bounds.reset(limits.maxDepth());
        depth = 0;
        elements = 0;
        textRun = 0;
    }

    // ---- ContentHandler: limits first, then the validator, the bounds and the facts ------------------------------

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
        if (validator != null) {
            validator.setDocumentLocator(locator);
        }
    }

    @Override
    public void startDocument() throws SAXException {
        if (validator != null) {
            validator.startDocument();
        }
    }

    @Override
    public void endDocument() throws SAXException {
        if (validator != null) {
            validator.endDocument();
        }
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        if (validator != null) {
            validator.startPrefixMapping(prefix, uri);
        }
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        if (validator != null) {
            validator.endPrefixMapping(prefix);
        }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        depth++;
        textRun = 0;
        check(depth > limits.maxDepth(), XmlLimit.DEPTH);
        check(++elements > limits.maxElements(), XmlLimit.ELEMENTS);
        check(attributes.getLength() > limits.maxAttributes(), XmlLimit.ATTRIBUTES);
        for (int i = 0; i < attributes.getLength(); i++) {
            check(attributes.getValue(i).length() > limits.maxAttributeLength(), XmlLimit.ATTRIBUTE_LENGTH);
        }
        if (validator != null) {
            validator.startElement(uri, localName, qName, attributes);
        }
        String exceeded = bounds.start(depth, localName);
        if (exceeded != null) {
            error(new SAXParseException(exceeded, locator));
        }
        facts.start(depth, localName);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (validator != null) {
            validator.endElement(uri, localName, qName);
        }
        facts.end(depth);
        depth--;
        textRun = 0;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        textRun += length;
        check(textRun > limits.maxTextLength(), XmlLimit.TEXT_LENGTH);
        if (validator != null) {
            validator.characters(ch, start, length);
        }
        facts.text(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        if (validator != null) {
            validator.ignorableWhitespace(ch, start, length);
        }
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        if (validator != null) {
            validator.processingInstruction(target, data);
        }
    }

    private void check(boolean broken, XmlLimit limit) throws LimitBroken {
        if (broken) {
            throw new LimitBroken(limit, new XmlViolation(locator.getLineNumber(), locator.getColumnNumber(),
                    limit.describe(limits.max(limit))));
        }
    }

    // ---- ErrorHandler, for the parser and the validator alike: keep every error, up to the limit -----------------

    @Override
    public void warning(SAXParseException e) {
        // warnings do not make a document invalid
    }

    @Override
    public void error(SAXParseException e) throws TooManyViolations {
        if (violations.size() >= limits.maxViolations()) {
            throw new TooManyViolations(e.getLineNumber(), e.getColumnNumber());
        }
        violations.add(XmlViolation.of(e));
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        throw e; // recorded once, by parse's catch
    }

    private static final class LimitBroken extends SAXException {
        private final transient XmlLimit limit;
        private final transient XmlViolation where;

        LimitBroken(XmlLimit limit, XmlViolation where) {
            super(where.message());
            this.limit = limit;
            this.where = where;
        }
    }

    private static final class TooManyViolations extends SAXException {
        private final int line;
        private final int column;

        TooManyViolations(int line, int column) {
            super("too many violations");
            this.line = line;
            this.column = column;
        }
    }

    private static final class NotUtf8 extends SAXException {
        NotUtf8(String message) {
            super(message);
        }
    }
}
