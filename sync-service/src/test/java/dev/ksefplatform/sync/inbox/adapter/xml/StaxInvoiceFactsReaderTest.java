package dev.ksefplatform.sync.inbox.adapter.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.sync.inbox.application.UnreadableInvoice;
import dev.ksefplatform.sync.inbox.domain.InvoiceFacts;
import dev.ksefplatform.sync.support.Fa3Samples;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StaxInvoiceFactsReaderTest {

    private final StaxInvoiceFactsReader reader = new StaxInvoiceFactsReader();

    @Test
    void officialPdfGeneratorSampleIsReadExactly() {
        InvoiceFacts facts = reader.read(Fa3Samples.bytes(Fa3Samples.PDFGEN, "-", "-"));

        assertThat(facts).isEqualTo(new InvoiceFacts("5265877635", "Bartkowiak, Dróżdż and Górecki", "6808208874",
                "Strzelczyk LLC", "FA/YUCFO-4342344706/03/2026", LocalDate.of(2025, 10, 31), "VAT", "PLN",
                new BigDecimal("27292.28"), new BigDecimal("6277.22"), new BigDecimal("33569.50")));
    }

    @Test
    void officialCSharpTemplateIsRead() {
        InvoiceFacts facts = reader.read(Fa3Samples.bytes(Fa3Samples.CSHARP, "5265877635", "77"));

        assertThat(facts.sellerNip()).isEqualTo("5265877635");
        assertThat(facts.sellerName()).isEqualTo("Elektrownia S.A.");
        assertThat(facts.buyerNip()).isEqualTo("1111111111");
        assertThat(facts.buyerName()).isEqualTo("F.H.U. Jan Kowalski");
        assertThat(facts.invoiceNumber()).isEqualTo("FA/GRQMB-77/05/2025");
        assertThat(facts.issueDate()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(facts.net()).isEqualTo("43.60");
        assertThat(facts.vat()).isEqualTo("10.03");
        assertThat(facts.gross()).isEqualTo("53.63");
    }

    @Test
    void officialJavaTemplateIsRead() {
        InvoiceFacts facts = reader.read(Fa3Samples.bytes(Fa3Samples.JAVA, "5265877635", "78"));

        assertThat(facts.buyerName()).isEqualTo("Błaszczak - Lenart");
        assertThat(facts.issueDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(facts.net()).isEqualByComparingTo("10652.38");
        assertThat(facts.vat()).isEqualByComparingTo("2450.05");
        assertThat(facts.gross()).isEqualByComparingTo("13102.43");
    }

    @Test
    void amountsOfEveryRateAreSummedExactlyAndPlnConversionsLeftOut() {
        InvoiceFacts facts = reader.read(Fa3Samples.multiRateCorrection("5265877635", "79"));

        assertThat(facts.net()).isEqualTo(new BigDecimal("1000000000000.31"));
        assertThat(facts.vat()).isEqualTo(new BigDecimal("0.03"));
        assertThat(facts.gross()).isEqualTo(new BigDecimal("1000000000000.34"));
        assertThat(facts.currency()).isEqualTo("EUR");
        assertThat(facts.invoiceType()).isEqualTo("KOR");
    }

    @Test
    void externalEntityIsNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Faktura [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Faktura><Fa><P_2>&x;</P_2></Fa></Faktura>";

        assertThatThrownBy(() -> reader.read(bytes(xxe))).isInstanceOf(UnreadableInvoice.class);
    }

    @Test
    void entityExpansionBombIsRefused() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE Faktura [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + "<Faktura><Fa><P_2>&c;</P_2></Fa></Faktura>";

        assertThatThrownBy(() -> reader.read(bytes(bomb))).isInstanceOf(UnreadableInvoice.class);
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<Faktura>" + "<a>".repeat(100) + "</a>".repeat(100) + "</Faktura>";

        assertThatThrownBy(() -> reader.read(bytes(deep))).isInstanceOf(UnreadableInvoice.class)
                .hasMessageContaining("nested");
    }

    @Test
    void amountWithAnExponentIsRefusedRatherThanSummed() {
        String huge = "<Faktura><Fa><P_13_1>1E999999999</P_13_1><P_13_2>1</P_13_2></Fa></Faktura>";

        assertThatThrownBy(() -> reader.read(bytes(huge))).isInstanceOf(UnreadableInvoice.class)
                .hasMessageContaining("P_13_1");
    }

    @Test
    void notAnInvoiceOrNotXmlIsUnreadable() {
        assertThatThrownBy(() -> reader.read(bytes("<Faktura><Fa>"))).isInstanceOf(UnreadableInvoice.class);
        assertThatThrownBy(() -> reader.read(bytes("<Upo/>"))).isInstanceOf(UnreadableInvoice.class)
                .hasMessageContaining("Faktura");
        assertThatThrownBy(() -> reader.read(bytes("<Faktura><Fa><P_1>31.10.2025</P_1></Fa></Faktura>")))
                .isInstanceOf(UnreadableInvoice.class);
    }

    @Test
    void thirdPartiesAndEscapedTextAreReadRight() {
        String xml = "<Faktura><Podmiot1><DaneIdentyfikacyjne><NIP>5265877635</NIP><Nazwa>A &amp; B</Nazwa>"
                + "</DaneIdentyfikacyjne></Podmiot1><Podmiot3><DaneIdentyfikacyjne><NIP>1111111111</NIP>"
                + "</DaneIdentyfikacyjne></Podmiot3><Fa><P_15>1.00</P_15></Fa></Faktura>";

        InvoiceFacts facts = reader.read(bytes(xml));

        assertThat(facts.sellerName()).isEqualTo("A & B");
        assertThat(facts.buyerNip()).isNull();
        assertThat(facts.gross()).isEqualTo("1.00");
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
