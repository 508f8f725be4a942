package dev.ksefplatform.ksef.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Fa3SchemaTest {

    static byte[] sample(String name) throws IOException {
        try (InputStream in = Fa3SchemaTest.class.getResourceAsStream("/ksef/samples/invoices/" + name)) {
            return in.readAllBytes();
        }
    }

    static byte[] template(String nip, String number) throws IOException {
        String xml = new String(sample("java-invoice-template_v3.xml"), StandardCharsets.UTF_8)
                .replace("#nip#", nip).replace("#invoicing_date#", "2026-01-05").replace("#invoice_number#", number);
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsTheOfficialCompleteSample() throws IOException {
        assertThat(Fa3Schema.get().validate(sample("pdfgen-assets-invoice-fa3.xml"))).isEmpty();
    }

    @Test
    void acceptsTheOfficialTemplatesOnceFilledIn() throws IOException {
        assertThat(Fa3Schema.get().validate(template("5265877635", "FV/1/2026"))).isEmpty();
        String csharp = new String(sample("csharp-invoice-template-fa-3.xml"), StandardCharsets.UTF_8)
                .replace("#nip#", "5265877635").replace("#invoice_number#", "FV/2/2026");
        assertThat(Fa3Schema.get().validate(csharp.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void reportsEveryViolationWithItsLine() throws IOException {
        byte[] broken = new String(template("5265877635", "FV/1/2026"), StandardCharsets.UTF_8)
                .replace("<P_1>2026-01-05</P_1>", "<P_1>yesterday</P_1>").getBytes(StandardCharsets.UTF_8);

        assertThat(Fa3Schema.get().validate(broken)).isNotEmpty()
                .allSatisfy(v -> assertThat(v.line()).isPositive())
                .anySatisfy(v -> assertThat(v.message()).contains("yesterday"));
    }

    @Test
    void reportsADocumentThatIsNotWellFormed() {
        assertThat(Fa3Schema.get().validate("<Faktura><Naglowek>".getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(v -> assertThat(v.message()).contains("must start and end within the same entity"));
    }

    @Test
    void refusesADoctypeRatherThanResolvingIt() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Faktura>&e;</Faktura>").getBytes(StandardCharsets.UTF_8);

        assertThat(Fa3Schema.get().validate(xxe)).singleElement()
                .satisfies(v -> assertThat(v.message()).containsIgnoringCase("DOCTYPE").doesNotContain("root:"));
    }

    @Test
    void readsTheFactsInTheSamePassAsTheValidation() throws IOException {
        Fa3Reading reading = Fa3Schema.get().read(template("5265877635", "FV/7/2026"));

        assertThat(reading).isInstanceOfSatisfying(Fa3Reading.Valid.class, valid -> {
            assertThat(valid.facts().sellerNip()).isEqualTo("5265877635");
            assertThat(valid.facts().invoiceType()).isEqualTo("VAT");
            assertThat(valid.facts().invoiceNumber()).isEqualTo("FA/GRQMB-FV/7/2026/05/2025");
            assertThat(valid.facts().issueDate()).isEqualTo("2026-01-05");
        });
    }

    @Test
    void enforcesLargeOccurrenceBoundsExactly() throws IOException {
        String xml = new String(template("5265877635", "FV/9/2026"), StandardCharsets.UTF_8);
        int start = xml.indexOf("<FaWiersz>");
        String row = xml.substring(start, xml.indexOf("</FaWiersz>") + "</FaWiersz>".length());
        String atLimit = xml.substring(0, start) + row.repeat(10_000 - 5) + xml.substring(start + row.length());
        String overLimit = xml.substring(0, start) + row.repeat(10_001 - 5) + xml.substring(start + row.length());

        assertThat(Fa3Schema.get().validate(atLimit.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(Fa3Schema.get().validate(overLimit.getBytes(StandardCharsets.UTF_8))).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("FaWiersz").contains("10000"));
    }
}
