package dev.ksefplatform.simulator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.simulator.support.Invoices;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InvoiceVerifierTest {

    private static final String NIP = "5265877635";
    private static final LocalDate TODAY = LocalDate.parse("2025-10-01");
    private final InvoiceVerifier verifier =
            new InvoiceVerifier(Clock.fixed(Instant.parse("2025-10-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void acceptsTheOfficialTemplateOfTheContextsSeller() {
        Verdict verdict = verifier.verify(Invoices.fa3(NIP, "1", TODAY), NIP);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Valid.class,
                valid -> assertThat(valid.facts().invoiceNumber()).isEqualTo("FA/GRQMB-1/05/2025"));
    }

    @Test
    void rejectsAByteOrderMarkWith430() {
        byte[] xml = Invoices.fa3(NIP, "1", TODAY);
        byte[] withBom = new byte[xml.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(xml, 0, withBom, 3, xml.length);

        assertThat(code(verifier.verify(withBom, NIP))).isEqualTo(430);
    }

    @Test
    void rejectsAnotherDeclaredEncodingWith430() {
        String xml = new String(Invoices.fa3(NIP, "1", TODAY), StandardCharsets.UTF_8)
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-2\"");

        assertThat(code(verifier.verify(xml.getBytes(StandardCharsets.UTF_8), NIP))).isEqualTo(430);
    }

    @Test
    void rejectsADocumentOverOneMillionBytesWith430() {
        assertThat(code(verifier.verify(new byte[InvoiceVerifier.MAX_SIZE + 1], NIP))).isEqualTo(430);
    }

    @Test
    void rejectsAnIssueDateAfterTodayWith450() {
        assertThat(code(verifier.verify(Invoices.fa3(NIP, "1", TODAY.plusDays(1)), NIP))).isEqualTo(450);
    }

    @Test
    void rejectsASellerOtherThanTheContextWith410() {
        assertThat(code(verifier.verify(Invoices.fa3("1111111111", "1", TODAY), NIP))).isEqualTo(410);
    }

    private static int code(Verdict verdict) {
        return ((Verdict.Rejected) verdict).status().code();
    }
}
