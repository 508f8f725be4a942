package dev.ksefplatform.simulator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.simulator.support.Invoices;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InvoiceDetailsTest {

    @Test
    void readsBuyerAmountsAndCurrencyFromTheOfficialTemplate() {
        byte[] xml = new String(Invoices.fa3("5265877635", "D-1"), StandardCharsets.UTF_8)
                .replace("1111111111", "7010002137").getBytes(StandardCharsets.UTF_8);

        InvoiceDetails details = InvoiceDetails.read(xml);

        assertThat(details.buyerType()).isEqualTo("Nip");
        assertThat(details.buyerValue()).isEqualTo("7010002137");
        assertThat(details.sellerName()).isEqualTo("Elektrownia S.A.");
        assertThat(details.netAmount()).isEqualByComparingTo("43.60");
        assertThat(details.vatAmount()).isEqualByComparingTo("10.03");
        assertThat(details.grossAmount()).isEqualByComparingTo("53.63");
        assertThat(details.currency()).isEqualTo("PLN");
        assertThat(details.invoiceType()).isEqualTo("Vat");
    }
}
