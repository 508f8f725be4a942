package dev.ksefplatform.commandapi.submission.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.commandapi.Invoices;
import dev.ksefplatform.ksef.xml.Fa3Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InvoiceInspectionTest {

    private static final String NIP = "5265877635";

    private final InvoiceInspection inspection = new InvoiceInspection(Fa3Schema.get());

    @Test
    void acceptsTheTenantsOwnValidInvoice() throws Exception {
        byte[] xml = Invoices.bytes(NIP, "17");

        InvoiceDocument document = inspection.inspect(xml, NIP);

        assertThat(document.sellerNip()).isEqualTo(NIP);
        assertThat(document.invoiceNumber()).isEqualTo(Invoices.p2("17"));
        assertThat(document.sha256())
                .isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(xml)));
        assertThat(document.xml()).isEqualTo(xml);
    }

    @Test
    void refusesAnotherSellersInvoice() {
        byte[] xml = Invoices.bytes("3861610227", "17");

        assertThatThrownBy(() -> inspection.inspect(xml, NIP)).isInstanceOf(SellerNotTenant.class);
    }

    @Test
    void reportsWhereAMalformedDocumentBreaks() {
        String full = Invoices.xml(NIP, "17");
        byte[] truncated = full.substring(0, full.length() / 2).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> inspection.inspect(truncated, NIP))
                .isInstanceOfSatisfying(InvoiceInvalid.class, e -> assertThat(e.violations())
                        .isNotEmpty()
                        .allSatisfy(v -> assertThat(v.line()).isPositive()));
    }

    @Test
    void listsSchemaViolations() {
        byte[] xml = Invoices.xml(NIP, "17", "2026-13-45").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> inspection.inspect(xml, NIP))
                .isInstanceOfSatisfying(InvoiceInvalid.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.message()).contains("2026-13-45")));
    }

    @Test
    void refusesAnOversizedShapeNamingTheLimit() {
        String xml = Invoices.xml(NIP, "17").replace("<P_7>", "<P_7 a=\"" + "x".repeat(2_000) + "\">");

        assertThatThrownBy(() -> inspection.inspect(xml.getBytes(StandardCharsets.UTF_8), NIP))
                .isInstanceOfSatisfying(InvoiceOverLimit.class, e -> {
                    assertThat(e.limit()).isEqualTo("attribute-length");
                    assertThat(e.max()).isEqualTo(1_024);
                    assertThat(e.where().line()).isPositive();
                });
    }

    @Test
    void refusesAByteOrderMark() {
        byte[] xml = Invoices.bytes(NIP, "17");
        byte[] withBom = new byte[xml.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(xml, 0, withBom, 3, xml.length);

        assertThatThrownBy(() -> inspection.inspect(withBom, NIP)).isInstanceOf(InvoiceNotUtf8.class);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin2 = Invoices.xml(NIP, "17").replace("encoding=\"utf-8\"", "encoding=\"ISO-8859-2\"")
                .getBytes(java.nio.charset.Charset.forName("ISO-8859-2"));

        assertThatThrownBy(() -> inspection.inspect(latin2, NIP)).isInstanceOf(InvoiceNotUtf8.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void refusesADeclaredEncodingOtherThanUtf8() {
        byte[] ascii = Invoices.xml(NIP, "17").replace("encoding=\"utf-8\"", "encoding=\"US-ASCII\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> inspection.inspect(ascii, NIP)).isInstanceOf(InvoiceNotUtf8.class)
                .hasMessageContaining("US-ASCII");
    }
}
