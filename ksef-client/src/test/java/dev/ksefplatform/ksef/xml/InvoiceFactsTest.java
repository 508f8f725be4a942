package dev.ksefplatform.ksef.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InvoiceFactsTest {

    private static final String NIP = "5265877635";

    @Test
    void readsPartiesNumbersAndExactAmounts() {
        InvoiceFacts facts = InvoiceFacts.read(Fa3Samples.template(NIP, "FV/3/2026").getBytes(StandardCharsets.UTF_8));

        assertThat(facts.seller()).isEqualTo(new InvoiceFacts.Party("Nip", NIP, "Bogusz - Sienkiewicz"));
        assertThat(facts.buyer()).isEqualTo(new InvoiceFacts.Party("Nip", "3861610227", "Błaszczak - Lenart"));
        assertThat(facts.invoiceType()).isEqualTo("VAT");
        assertThat(facts.invoiceNumber()).isEqualTo("FA/GRQMB-FV/3/2026/05/2025");
        assertThat(facts.issueDate()).isEqualTo("2026-01-05");
        assertThat(facts.amounts()).isEqualTo(new InvoiceFacts.Amounts("PLN", new BigDecimal("10652.38"),
                new BigDecimal("2450.05"), new BigDecimal("13102.43")));
    }

    @Test
    void sumsEveryNetAndVatFieldButNotTheVatInPln() {
        String xml = Fa3Samples.template(NIP, "FV/4/2026")
                .replace("<P_14_1>2450.05</P_14_1>", "<P_14_1>2450.05</P_14_1><P_14_1W>9999.99</P_14_1W>"
                        + "<P_13_2>100.10</P_13_2><P_14_2>8.01</P_14_2><P_13_6_1>0.01</P_13_6_1>");

        InvoiceFacts.Amounts amounts = InvoiceFacts.read(xml.getBytes(StandardCharsets.UTF_8)).amounts();

        assertThat(amounts.net()).isEqualByComparingTo("10752.49");
        assertThat(amounts.vat()).isEqualByComparingTo("2458.06");
        assertThat(amounts.gross()).isEqualByComparingTo("13102.43");
    }

    @Test
    void typesTheBuyerAsKsefMetadataDoes() {
        assertThat(buyerOf("<KodUE>DE</KodUE><NrVatUE>123456789</NrVatUE>"))
                .isEqualTo(new InvoiceFacts.Party("VatUe", "DE123456789", "Błaszczak - Lenart"));
        assertThat(buyerOf("<KodKraju>US</KodKraju><NrID>98-7654321</NrID>"))
                .isEqualTo(new InvoiceFacts.Party("Other", "98-7654321", "Błaszczak - Lenart"));
        assertThat(buyerOf("<BrakID>1</BrakID>")).isEqualTo(new InvoiceFacts.Party("None", null, "Błaszczak - Lenart"));
    }

    @Test
    void readsTheSameFactsWithAndWithoutTheSchema() {
        byte[] xml = Fa3Samples.sample("pdfgen-assets-invoice-fa3.xml");

        assertThat(Fa3Schema.get().read(xml)).isEqualTo(new Fa3Reading.Valid(InvoiceFacts.read(xml)));
    }

    @Test
    void refusesADocumentItCannotReadFactsFrom() {
        byte[] amountNotDecimal = Fa3Samples.template(NIP, "FV/5/2026").replace("<P_15>13102.43</P_15>", "<P_15>lots</P_15>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> InvoiceFacts.read(amountNotDecimal)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lots' is not a decimal");
        assertThatThrownBy(() -> InvoiceFacts.read("<Faktura>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static InvoiceFacts.Party buyerOf(String identifier) {
        String xml = Fa3Samples.template(NIP, "FV/6/2026")
                .replace("<NIP>3861610227</NIP>", identifier);
        Fa3Reading reading = Fa3Schema.get().read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(reading.violations()).isEmpty();
        return ((Fa3Reading.Valid) reading).facts().buyer();
    }
}
