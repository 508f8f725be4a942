package dev.ksefplatform.simulator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.ksef.id.KsefNumber;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices.Claim;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AcceptedInvoicesTest {

    private static final Instant NOW = Instant.parse("2025-08-26T10:00:00Z");
    private final AcceptedInvoices invoices = new AcceptedInvoices(new ReferenceNumbers(Clock.systemUTC()));

    @AfterEach
    void deleteDocuments() {
        invoices.deleteDocuments();
    }

    @Test
    void givesAFreshInvoiceAChecksumValidNumberOfItsSellerAndDay() {
        Claim claim = claim("VAT", "FA/1", "S-1");

        assertThat(claim).isInstanceOfSatisfying(Claim.Accepted.class, accepted -> {
            assertThat(KsefNumber.isValid(accepted.invoice().ksefNumber())).isTrue();
            assertThat(accepted.invoice().ksefNumber()).startsWith("5265877635-20250826-");
        });
    }

    @Test
    void reportsTheSameSellerTypeAndNumberAsADuplicateOfTheOriginal() {
        Claim first = claim("VAT", "FA/1", "S-1");

        Claim second = claim("VAT", "FA/1", "S-2");

        assertThat(second).isInstanceOfSatisfying(Claim.Duplicate.class, duplicate -> {
            assertThat(duplicate.original()).isEqualTo(((Claim.Accepted) first).invoice());
            assertThat(duplicate.original().sessionReferenceNumber()).isEqualTo("S-1");
        });
        assertThat(invoices.bySeller("5265877635")).hasSize(1);
    }

    @Test
    void acceptsTheSameNumberWithAnotherInvoiceType() {
        claim("VAT", "FA/1", "S-1");

        assertThat(claim("KOR", "FA/1", "S-2")).isInstanceOf(Claim.Accepted.class);
    }

    @Test
    void indexesAnInvoiceForItsSellerAndItsBuyerInStorageOrder() {
        Instant later = NOW.plusSeconds(60);
        AcceptedInvoice second = accept("FA/2", later);
        AcceptedInvoice first = accept("FA/1", NOW);

        assertThat(invoices.soldBy("5265877635")).containsExactly(first, second);
        assertThat(invoices.boughtBy("1111111111")).containsExactly(first, second);
        assertThat(AcceptedInvoices.between(invoices.boughtBy("1111111111"), later, later.plusSeconds(1)))
                .containsExactly(second);
        assertThat(AcceptedInvoices.between(invoices.boughtBy("2222222222"), NOW, later)).isEmpty();
    }

    @Test
    void keepsTheDocumentOnDisk() {
        long handle = invoices.store("<Faktura/>".getBytes());
        AcceptedInvoice invoice = ((Claim.Accepted) invoices.claim("5265877635", "VAT", "FA/9", NOW,
                ksef -> new AcceptedInvoice(ksef, "5265877635", "VAT", "FA/9", "2025-08-26", "hash", "S", NOW, NOW, NOW,
                        "Online", null, handle))).invoice();

        assertThat(invoices.document(invoice)).isEqualTo("<Faktura/>".getBytes());
    }

    private AcceptedInvoice accept(String number, Instant stored) {
        InvoiceDetails toBuyer = new InvoiceDetails("Sprzedawca", "Nip", "1111111111", "Nabywca",
                java.math.BigDecimal.TEN, java.math.BigDecimal.ONE, java.math.BigDecimal.valueOf(11), "PLN", "Vat");
        return ((Claim.Accepted) invoices.claim("5265877635", "VAT", number, NOW, ksef -> new AcceptedInvoice(ksef,
                "5265877635", "VAT", number, "2025-08-26", "hash", "S", NOW, NOW, stored, "Online", toBuyer, 0)))
                .invoice();
    }

    private Claim claim(String type, String number, String session) {
        return invoices.claim("5265877635", type, number, NOW, ksef -> new AcceptedInvoice(ksef, "5265877635", type,
                number, "2025-08-26", "hash", session, NOW, NOW, NOW, "Online", null, 0));
    }
}
