package dev.ksefplatform.ksef.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The few facts of an FA(3) invoice the platform routes on: the seller NIP (who may submit it) and
 * the duplicate triple KSeF checks (seller NIP, RodzajFaktury, P_2), plus the issue date P_1.
 *
 * @param sellerNip    {@code Podmiot1/DaneIdentyfikacyjne/NIP}
 * @param invoiceType  {@code Fa/RodzajFaktury}, e.g. VAT, KOR
 * @param invoiceNumber {@code Fa/P_2}
 * @param issueDate    {@code Fa/P_1}, yyyy-MM-dd
 */
public record InvoiceFacts(String sellerNip, String invoiceType, String invoiceNumber, String issueDate) {

    private static final XMLInputFactory FACTORY = newFactory();

    /** Reads the facts with a streaming parser; the document should already be schema-valid. */
    public static InvoiceFacts read(byte[] xml) {
        String sellerNip = null;
        String invoiceType = null;
        String invoiceNumber = null;
        String issueDate = null;
        Deque<String> path = new ArrayDeque<>();
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    path.addLast(reader.getLocalName());
                    String where = String.join("/", path);
                    switch (where) {
                        case "Faktura/Podmiot1/DaneIdentyfikacyjne/NIP" -> sellerNip = reader.getElementText().trim();
                        case "Faktura/Fa/RodzajFaktury" -> invoiceType = reader.getElementText().trim();
                        case "Faktura/Fa/P_2" -> invoiceNumber = reader.getElementText().trim();
                        case "Faktura/Fa/P_1" -> issueDate = reader.getElementText().trim();
                        default -> {
                            continue;
                        }
                    }
                    path.removeLast(); // getElementText consumed the end tag
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.removeLast();
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
        return new InvoiceFacts(sellerNip, invoiceType, invoiceNumber, issueDate);
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
