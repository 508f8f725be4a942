package dev.ksefplatform.worker.engine.adapter.ksef;

import dev.ksefplatform.ksef.client.http.IsoInstants;
import dev.ksefplatform.worker.engine.application.Ksef;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the {@code Dokument} entries of a session UPO (v4-3) in one streaming pass: KSeF number, invoice number,
 * SHA-256 and the time the number was given. No DTDs, no external entities: the UPO is data from outside.
 */
final class SessionUpoParser {

    private static final XMLInputFactory FACTORY = secureFactory();

    private SessionUpoParser() {
    }

    static List<Ksef.UpoEntry> entries(byte[] upo) {
        List<Ksef.UpoEntry> entries = new ArrayList<>();
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(upo));
            Entry entry = null;
            String element = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    element = xml.getLocalName();
                    if ("Dokument".equals(element)) {
                        entry = new Entry();
                    }
                } else if (event == XMLStreamReader.CHARACTERS && entry != null && element != null) {
                    entry.set(element, xml.getText().trim());
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    if ("Dokument".equals(xml.getLocalName()) && entry != null) {
                        entries.add(entry.toEntry());
                        entry = null;
                    }
                    element = null;
                }
            }
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("unreadable session UPO: " + e.getMessage(), e);
        }
        return entries;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static final class Entry {
        private String ksefNumber;
        private String invoiceNumber;
        private String hash;
        private Instant acquired;

        void set(String element, String text) {
            if (text.isEmpty()) {
                return;
            }
            switch (element) {
                case "NumerKSeFDokumentu" -> ksefNumber = text;
                case "NumerFaktury" -> invoiceNumber = text;
                case "SkrotDokumentu" -> hash = text;
                case "DataNadaniaNumeruKSeF" -> acquired = IsoInstants.parse(text); // xs:dateTime, no zone = UTC
                default -> {
                }
            }
        }

        Ksef.UpoEntry toEntry() {
            return new Ksef.UpoEntry(ksefNumber, invoiceNumber, hash, acquired);
        }
    }
}
