package dev.ksefplatform.console.inbox.fa3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.Address;
import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.Corrected;
import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.Line;
import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.Party;
import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.Period;
import dev.ksefplatform.console.inbox.fa3.ReceivedInvoice.RateTotal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rendering model over the official FA(3) samples (ksef-client's test resources) and variants of them. */
class ReceivedInvoicesTest {

    @Test
    void readsTheSellerBuyerDatesLinesAndTotalsOfTheJavaSample() {
        ReceivedInvoice invoice = ReceivedInvoices.read(bytes(javaSample()));

        assertThat(invoice.invoiceType()).isEqualTo("VAT");
        assertThat(invoice.number()).isEqualTo("FA/GRQMB-7/05/2025");
        assertThat(invoice.issueDate()).isEqualTo("2025-07-01");
        assertThat(invoice.issuePlace()).isEqualTo("Lidzbark");
        assertThat(invoice.saleDate()).isEqualTo("2025-07-11");
        assertThat(invoice.currency()).isEqualTo("PLN");
        assertThat(invoice.seller()).isEqualTo(new Party("NIP", "5265877635", "Bogusz - Sienkiewicz",
                new Address("PL", "al. Różycki 7594", "87-607 Środa Śląska")));
        assertThat(invoice.buyer()).isEqualTo(new Party("NIP", "3861610227", "Błaszczak - Lenart",
                new Address("PL", "al. Szewczyk 7247", "84-642 Żelechów")));
        assertThat(invoice.lines()).hasSize(6).first().isEqualTo(new Line("1", "Refined Concrete Pants",
                new BigDecimal("8"), "szt.", new BigDecimal("295.81"), null, new BigDecimal("2366.48"), null, "23", false));
        assertThat(invoice.totals().byRate()).containsExactly(
                new RateTotal("1", new BigDecimal("10652.38"), new BigDecimal("2450.05")));
        assertThat(invoice.totals().gross()).isEqualByComparingTo("13102.43");
        assertThat(invoice.correction()).isNull();
    }

    @Test
    void takesEveryLineOfTheLongSampleWithItsMultiLineNamesOnOneLine() {
        ReceivedInvoice invoice = ReceivedInvoices.read(sample("pdfgen-assets-invoice-fa3.xml"));

        assertThat(invoice.lines()).hasSize(13);
        assertThat(invoice.lines().stream().map(Line::netValue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the lines add up to P_13_1").isEqualByComparingTo("27292.28");
        assertThat(invoice.lines().get(0).name()).startsWith("Handcrafted Wooden Gloves").doesNotContain("\n", "  ");
        assertThat(invoice.totals().net()).isEqualByComparingTo("27292.28");
        assertThat(invoice.totals().vat()).isEqualByComparingTo("6277.22");
        assertThat(invoice.totals().gross()).isEqualByComparingTo("33569.50");
    }

    @Test
    void readsThePeriodInvoicedAndDecimalQuantitiesOfTheCsharpSample() {
        ReceivedInvoice invoice = ReceivedInvoices.read(bytes(sampleText("csharp-invoice-template-fa-3.xml")
                .replace("#nip#", "5265877635").replace("#invoice_number#", "9")));

        assertThat(invoice.saleDate()).isNull();
        assertThat(invoice.salePeriod()).isEqualTo(new Period("2026-01-01", "2026-02-28"));
        assertThat(invoice.lines()).extracting(Line::quantity, Line::unit)
                .startsWith(org.assertj.core.groups.Tuple.tuple(new BigDecimal("20.00"), "kWh"));
        assertThat(invoice.totals().gross()).isEqualByComparingTo("53.63");
    }

    @Test
    void leavesOutWhatTheInvoiceDoesNotState() {
        String xml = javaSample()
                .replaceFirst("(?s)(<Podmiot2>.*?)<NIP>3861610227</NIP>", "$1<BrakID>1</BrakID>")
                .replaceFirst("(?s)(<Podmiot2>.*?)<Adres>.*?</Adres>", "$1")
                .replaceAll("(?s)<FaWiersz>.*?</FaWiersz>", "")
                .replace("<P_1M>Lidzbark</P_1M>", "");

        ReceivedInvoice invoice = ReceivedInvoices.read(bytes(xml));

        assertThat(invoice.buyer()).isEqualTo(new Party("NONE", null, "Błaszczak - Lenart", null));
        assertThat(invoice.seller().address()).isNotNull();
        assertThat(invoice.lines()).isEmpty();
        assertThat(invoice.issuePlace()).isNull();
        assertThat(invoice.totals().gross()).isEqualByComparingTo("13102.43");
    }

    @Test
    void readsACorrectionsReasonTheInvoiceItCorrectsAndItsLinesBefore() {
        String xml = javaSample()
                .replace("<RodzajFaktury>VAT</RodzajFaktury>", "<RodzajFaktury>KOR</RodzajFaktury>"
                        + "<PrzyczynaKorekty>Zwrot towaru</PrzyczynaKorekty><TypKorekty>2</TypKorekty>"
                        + "<DaneFaKorygowanej><DataWystFaKorygowanej>2025-06-30</DataWystFaKorygowanej>"
                        + "<NrFaKorygowanej>FA/1/06/2025</NrFaKorygowanej><NrKSeF>1</NrKSeF>"
                        + "<NrKSeFFaKorygowanej>5265877635-20250630-0100A0B0C0D0-E1</NrKSeFFaKorygowanej></DaneFaKorygowanej>")
                .replace("<NrWierszaFa>1</NrWierszaFa>", "<NrWierszaFa>1</NrWierszaFa><StanPrzed>1</StanPrzed>")
                .replace("<P_13_1>10652.38</P_13_1>", "<P_13_1>-2366.48</P_13_1>")
                .replace("<P_14_1>2450.05</P_14_1>", "<P_14_1>-544.29</P_14_1>")
                .replace("<P_15>13102.43</P_15>", "<P_15>-2910.77</P_15>");

        ReceivedInvoice invoice = ReceivedInvoices.read(bytes(xml));

        assertThat(invoice.invoiceType()).isEqualTo("KOR");
        assertThat(invoice.correction().reason()).isEqualTo("Zwrot towaru");
        assertThat(invoice.correction().corrects()).containsExactly(
                new Corrected("2025-06-30", "FA/1/06/2025", "5265877635-20250630-0100A0B0C0D0-E1"));
        assertThat(invoice.lines().get(0).before()).isTrue();
        assertThat(invoice.lines().get(1).before()).isFalse();
        assertThat(invoice.totals().gross()).isEqualByComparingTo("-2910.77");
    }

    @Test
    void refusesADoctypeSoNoEntityIsEverExpanded() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Faktura [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Faktura><Fa><P_2>&x;</P_2></Fa></Faktura>";

        assertThatThrownBy(() -> ReceivedInvoices.read(bytes(xml))).isInstanceOf(UnreadableInvoice.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesWhatIsNotAWellFormedFa3InvoiceWithinItsBounds() {
        String deep = javaSample().replace("<P_2>", "<x>".repeat(Fa3Xml.MAX_DEPTH) + "</x>".repeat(Fa3Xml.MAX_DEPTH) + "<P_2>");

        assertThatThrownBy(() -> ReceivedInvoices.read(bytes("not xml"))).isInstanceOf(UnreadableInvoice.class);
        assertThatThrownBy(() -> ReceivedInvoices.read(bytes("<Faktura/>"))).isInstanceOf(UnreadableInvoice.class);
        assertThatThrownBy(() -> ReceivedInvoices.read(bytes(deep))).isInstanceOf(UnreadableInvoice.class)
                .hasMessageContaining("maxElementDepth");
        assertThatThrownBy(() -> ReceivedInvoices.read(new byte[Fa3Xml.MAX_BYTES + 1])).isInstanceOf(UnreadableInvoice.class)
                .hasMessageContaining("larger than");
        assertThatThrownBy(() -> ReceivedInvoices.read(bytes(javaSample().replace("<P_15>13102.43", "<P_15>dużo"))))
                .isInstanceOf(UnreadableInvoice.class).hasMessageContaining("P_15");
    }

    private static String javaSample() {
        return sampleText("java-invoice-template_v3.xml").replace("#nip#", "5265877635")
                .replace("#invoicing_date#", "2025-07-01").replace("#invoice_number#", "7");
    }

    private static byte[] sample(String name) {
        return bytes(sampleText(name));
    }

    private static String sampleText(String name) {
        try (InputStream in = ReceivedInvoicesTest.class.getResourceAsStream("/ksef/samples/invoices/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
