package dev.ksefplatform.console.inbox.fa3;

import dev.ksefplatform.ksef.xml.HardenedDom;
import java.io.IOException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * A received invoice as a whole tree (a rendering needs lines, addresses and totals by rate), read with ksef-client's
 * {@link HardenedDom} (the simulator's parsers use the same), at most {@link #MAX_DEPTH} levels and
 * {@link #MAX_BYTES}.
 */
final class Fa3Xml {

    /** KSeF's own ceiling: 1 MB per invoice, 3 MB with attachments. */
    static final int MAX_BYTES = 3 * 1024 * 1024;
    static final int MAX_DEPTH = 32;

    private static final HardenedDom PARSER = new HardenedDom(MAX_DEPTH);

    private Fa3Xml() {
    }

    static Document parse(byte[] xml) {
        if (xml.length > MAX_BYTES) {
            throw new UnreadableInvoice("the document is larger than " + MAX_BYTES + " bytes", null);
        }
        try {
            return PARSER.parse(xml);
        } catch (SAXException | IOException e) {
            throw new UnreadableInvoice("not well-formed XML: " + e.getMessage(), e);
        }
    }
}
