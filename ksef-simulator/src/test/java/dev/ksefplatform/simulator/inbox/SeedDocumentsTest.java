package dev.ksefplatform.simulator.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.simulator.invoice.InvoiceDetails;
import dev.ksefplatform.simulator.invoice.InvoiceVerifier;
import dev.ksefplatform.simulator.invoice.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SeedDocumentsTest {

    private final SeedDocuments documents = new SeedDocuments();
    private final InvoiceVerifier verifier = new InvoiceVerifier(Clock.systemUTC());

    @Test
    void rendersValidFa3InvoicesWhoseMetadataIsWhatTheParserFinds() {
        String today = LocalDate.now(ZoneId.of("Europe/Warsaw")).toString();
        for (int i = 0; i < 200; i += 7) {
            SeedDocuments.Document document = documents.render(i, "5265877635", SeedDocuments.sellerName("5265877635"),
                    "7762811692", SeedDocuments.buyerName("7762811692"), today, "SEED/AB/" + i,
                    "2026-01-02T03:04:05.678Z");

            assertThat(verifier.verify(document.xml(), "5265877635")).as("invoice %d", i)
                    .isInstanceOf(Verdict.Valid.class);
            assertThat(InvoiceDetails.read(document.xml())).isEqualTo(document.details());
            assertThat(new String(document.xml(), StandardCharsets.UTF_8)).contains("<P_2>SEED/AB/" + i + "</P_2>");
        }
    }

    @Test
    void amountsAddUp() {
        InvoiceDetails details = documents.render(5, "5265877635", "S", "7762811692", "B", "2026-01-02", "N", "x")
                .details();

        assertThat(details.netAmount().add(details.vatAmount())).isEqualByComparingTo(details.grossAmount());
    }
}
