package dev.ksefplatform.simulator.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.ksef.id.KsefNumber;
import dev.ksefplatform.simulator.invoice.AcceptedInvoices.Claim;
import dev.ksefplatform.simulator.shared.ReferenceNumbers;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AcceptedInvoicesTest {

    private static final Instant NOW = Instant.parse("2025-08-26T10:00:00Z");
    private final AcceptedInvoices invoices = new AcceptedInvoices(new ReferenceNumbers(Clock.systemUTC()));

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

    private Claim claim(String type, String number, String session) {
        return invoices.claim("5265877635", type, number, NOW, ksef -> new AcceptedInvoice(ksef, "5265877635", type,
                number, "2025-08-26", "hash", session, NOW, NOW, "Online"));
    }
}
