package dev.ksefplatform.simulator.upo;

import dev.ksefplatform.simulator.invoice.AcceptedInvoice;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes UPO v4-3 documents like the TE environment does: valid against the official XSD except
 * that the receiver's name carries the TE suffix. Unsigned: the simulator has no MF seal.
 */
public final class UpoWriter {

    public static final String NAMESPACE = "http://upo.schematy.mf.gov.pl/KSeF/v4-3";
    public static final String RECEIVER = "Ministerstwo Finansów - środowisko testowe (TE)";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ReferenceNumbers.WARSAW);

    /**
     * Who sent the documents: the session, its context and the KSeF token used to log in, or for a
     * XAdES login the SHA-256 of the signed authentication document.
     */
    public record Sender(String sessionReferenceNumber, String contextNip, String tokenReferenceNumber,
                         String authDocumentHash) {

        public Sender(String sessionReferenceNumber, String contextNip, String tokenReferenceNumber) {
            this(sessionReferenceNumber, contextNip, tokenReferenceNumber, null);
        }
    }

    public byte[] invoiceUpo(Sender sender, AcceptedInvoice invoice) {
        return document(sender, null, List.of(invoice));
    }

    public byte[] sessionUpo(Sender sender, List<AcceptedInvoice> invoices) {
        String description = "\t<OpisPotwierdzenia>\n\t\t<Strona>1</Strona>\n\t\t<LiczbaStron>1</LiczbaStron>\n"
                + "\t\t<ZakresDokumentowOd>1</ZakresDokumentowOd>\n"
                + "\t\t<ZakresDokumentowDo>" + invoices.size() + "</ZakresDokumentowDo>\n"
                + "\t\t<CalkowitaLiczbaDokumentow>" + invoices.size() + "</CalkowitaLiczbaDokumentow>\n"
                + "\t</OpisPotwierdzenia>\n";
        return document(sender, description, invoices);
    }

    private byte[] document(Sender sender, String description, List<AcceptedInvoice> invoices) {
        StringBuilder xml = new StringBuilder(1024)
                .append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<Potwierdzenie xmlns=\"").append(NAMESPACE).append("\">\n")
                .append(element(1, "NazwaPodmiotuPrzyjmujacego", RECEIVER))
                .append(element(1, "NumerReferencyjnySesji", sender.sessionReferenceNumber()))
                .append("\t<Uwierzytelnienie>\n\t\t<IdKontekstu>\n")
                .append(element(3, "Nip", sender.contextNip()))
                .append("\t\t</IdKontekstu>\n")
                .append(sender.tokenReferenceNumber() != null
                        ? element(2, "NumerReferencyjnyTokenaKSeF", sender.tokenReferenceNumber())
                        : element(2, "SkrotDokumentuUwierzytelniajacego", sender.authDocumentHash()))
                .append("\t</Uwierzytelnienie>\n")
                .append(description == null ? "" : description)
                .append(element(1, "NazwaStrukturyLogicznej", "Schemat_FA(3)_v1-0E.xsd"))
                .append(element(1, "KodFormularza", "FA (3)"));
        invoices.forEach(invoice -> xml.append(dokument(invoice)));
        return xml.append("</Potwierdzenie>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String dokument(AcceptedInvoice invoice) {
        return "\t<Dokument>\n"
                + element(2, "NipSprzedawcy", invoice.sellerNip())
                + element(2, "NumerKSeFDokumentu", invoice.ksefNumber())
                + element(2, "NumerFaktury", invoice.invoiceNumber())
                + element(2, "DataWystawieniaFaktury", invoice.issueDate())
                + element(2, "DataPrzeslaniaDokumentu", time(invoice.invoicingDate()))
                + element(2, "DataNadaniaNumeruKSeF", time(invoice.acquisitionDate()))
                + element(2, "SkrotDokumentu", invoice.invoiceHash())
                + element(2, "TrybWysylki", invoice.invoicingMode())
                + "\t</Dokument>\n";
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static String element(int depth, String name, String value) {
        return "\t".repeat(depth) + "<" + name + ">" + escape(value) + "</" + name + ">\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
