package dev.ksefplatform.console.inbox.fa3;

import static dev.ksefplatform.console.inbox.fa3.Elements.child;
import static dev.ksefplatform.console.inbox.fa3.Elements.children;
import static dev.ksefplatform.console.inbox.fa3.Elements.decimal;
import static dev.ksefplatform.console.inbox.fa3.Elements.text;

import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.Corrected;
import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.Correction;
import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.Line;
import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.Period;
import java.util.List;
import org.w3c.dom.Element;

/** Reads an FA(3) document (element names as in {@code schemat_FA(3)_v1-0E.xsd}) into a {@link ReceivedInvoice}. */
public final class ReceivedInvoices {

    private ReceivedInvoices() {
    }

    /** @throws UnreadableInvoice when the bytes are not a well-formed {@code Faktura} within the parser's bounds */
    public static ReceivedInvoice read(byte[] xml) {
        Element root = Fa3Xml.parse(xml).getDocumentElement();
        Element fa = child(root, "Fa");
        if (!"Faktura".equals(root.getLocalName()) || fa == null) {
            throw new UnreadableInvoice("not an FA(3) invoice: no Faktura/Fa", null);
        }
        return new ReceivedInvoice(text(fa, "RodzajFaktury"), text(fa, "P_2"), text(fa, "P_1"), text(fa, "P_1M"),
                text(fa, "P_6"), period(child(fa, "OkresFa")), Parties.seller(child(root, "Podmiot1")),
                Parties.buyer(child(root, "Podmiot2")), text(fa, "KodWaluty"), lines(fa), RateTotals.of(fa),
                correction(fa));
    }

    private static List<Line> lines(Element fa) {
        return children(fa, "FaWiersz").stream().map(line -> new Line(text(line, "NrWierszaFa"), text(line, "P_7"),
                decimal(line, "P_8B"), text(line, "P_8A"), decimal(line, "P_9A"), decimal(line, "P_9B"),
                decimal(line, "P_11"), decimal(line, "P_11A"), text(line, "P_12"),
                "1".equals(text(line, "StanPrzed")))).toList();
    }

    private static Period period(Element period) {
        return period == null ? null : new Period(text(period, "P_6_Od"), text(period, "P_6_Do"));
    }

    private static Correction correction(Element fa) {
        List<Element> corrected = children(fa, "DaneFaKorygowanej");
        if (corrected.isEmpty() && child(fa, "PrzyczynaKorekty") == null) {
            return null;
        }
        return new Correction(text(fa, "PrzyczynaKorekty"), text(fa, "TypKorekty"), corrected.stream()
                .map(c -> new Corrected(text(c, "DataWystFaKorygowanej"), text(c, "NrFaKorygowanej"),
                        text(c, "NrKSeFFaKorygowanej"))).toList());
    }
}
