package dev.ksefplatform.simulator.invoice;

import dev.ksefplatform.ksef.xml.HardenedDom;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the invoice metadata shows beyond {@code InvoiceFacts}: names, the buyer's identifier, the
 * amounts (net = sum of P_13_x, VAT = sum of P_14_x, gross = P_15) and the currency.
 *
 * @param buyerType {@code Nip}, {@code VatUe}, {@code Other} or {@code None}
 */
public record InvoiceDetails(String sellerName, String buyerType, String buyerValue, String buyerName,
                             BigDecimal netAmount, BigDecimal vatAmount, BigDecimal grossAmount, String currency,
                             String invoiceType) {

    /** An FA(3) document nests about ten levels deep. */
    private static final HardenedDom PARSER = new HardenedDom(64);
    private static final Pattern NET = Pattern.compile("P_13_\\d+");
    private static final Pattern VAT = Pattern.compile("P_14_\\d+");
    private static final Map<String, String> TYPES = Map.of("VAT", "Vat", "ZAL", "Zal", "KOR", "Kor", "ROZ", "Roz",
            "UPR", "Upr", "KOR_ZAL", "KorZal", "KOR_ROZ", "KorRoz");

    /** Reads a document that already passed the FA(3) schema. */
    public static InvoiceDetails read(byte[] xml) {
        Document document = parse(xml);
        Element seller = first(document.getDocumentElement(), "Podmiot1");
        Element buyer = first(document.getDocumentElement(), "Podmiot2");
        Element fa = first(document.getDocumentElement(), "Fa");
        return new InvoiceDetails(text(seller, "Nazwa"), buyerType(buyer), buyerValue(buyer), text(buyer, "Nazwa"),
                sum(fa, NET), sum(fa, VAT), amount(text(fa, "P_15")), orElse(text(fa, "KodWaluty"), "PLN"),
                TYPES.getOrDefault(text(fa, "RodzajFaktury"), "Vat"));
    }

    private static String buyerType(Element buyer) {
        if (text(buyer, "NIP") != null) {
            return "Nip";
        }
        if (text(buyer, "NrVatUE") != null) {
            return "VatUe";
        }
        return text(buyer, "NrID") != null ? "Other" : "None";
    }

    private static String buyerValue(Element buyer) {
        String nip = text(buyer, "NIP");
        if (nip != null) {
            return nip;
        }
        String vatUe = text(buyer, "NrVatUE");
        return vatUe != null ? orElse(text(buyer, "KodUE"), "") + vatUe : text(buyer, "NrID");
    }

    private static BigDecimal sum(Element fa, Pattern names) {
        BigDecimal total = BigDecimal.ZERO;
        if (fa == null) {
            return total;
        }
        for (org.w3c.dom.Node node = fa.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && names.matcher(element.getLocalName()).matches()) {
                total = total.add(amount(element.getTextContent()));
            }
        }
        return total;
    }

    private static BigDecimal amount(String text) {
        return text == null ? BigDecimal.ZERO : new BigDecimal(text.trim());
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static Element first(Element root, String name) {
        if (root == null) {
            return null;
        }
        NodeList found = root.getElementsByTagNameNS("*", name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static String text(Element parent, String name) {
        Element element = first(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }

    private static Document parse(byte[] xml) {
        try {
            return PARSER.parse(xml);
        } catch (Exception e) {
            throw new IllegalArgumentException("an XSD-valid invoice is well formed", e);
        }
    }
}
