package dev.ksefplatform.sync.inbox.adapter.xml;

import dev.ksefplatform.sync.inbox.application.InvoiceFactsReader;
import dev.ksefplatform.sync.inbox.application.UnreadableInvoice;
import dev.ksefplatform.sync.inbox.domain.InvoiceFacts;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the inbox facts of an FA(3) invoice in one streaming pass, without DTDs or external entities, within
 * bounds on nesting and on the length of the values it keeps. A stand-in until ksef-client offers its facts
 * extractor (the FA(3) parsing being rewritten there): swap the bean, keep the port.
 */
public final class StaxInvoiceFactsReader implements InvoiceFactsReader {

    static final int MAX_DEPTH = 64;

    private final XMLInputFactory factory = secureFactory();

    @Override
    public InvoiceFacts read(byte[] xml) {
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                return walk(reader).facts();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new UnreadableInvoice("not well-formed XML", e);
        }
    }

    private static Fa3Facts walk(XMLStreamReader reader) throws XMLStreamException {
        Fa3Facts facts = new Fa3Facts();
        Deque<String> path = new ArrayDeque<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new UnreadableInvoice("a DOCTYPE is not allowed in an invoice", null);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                enter(reader, facts, path);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                path.removeLast();
            }
        }
        return facts;
    }

    private static void enter(XMLStreamReader reader, Fa3Facts facts, Deque<String> path) throws XMLStreamException {
        path.addLast(reader.getLocalName());
        if (path.size() > MAX_DEPTH) {
            throw new UnreadableInvoice("elements nested deeper than " + MAX_DEPTH, null);
        }
        if (path.size() == 1 && !"Faktura".equals(reader.getLocalName())) {
            throw new UnreadableInvoice("the root element is not Faktura", null);
        }
        String where = Fa3Facts.pathIfWanted(path);
        if (where != null) {
            facts.take(where, reader.getElementText());
            path.removeLast(); // getElementText consumed the end tag
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }
}
