package dev.ksefplatform.console.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PolishFormatsTest {

    private final PolishFormats formats = new PolishFormats();

    @Test
    void writesAmountsWithASpaceBetweenThousandsAndADecimalComma() {
        assertThat(plain(formats.amount("33569.50", "PLN"))).isEqualTo("33 569,50 zł");
        assertThat(plain(formats.amount(new BigDecimal("1234.5"), "EUR"))).isEqualTo("1 234,50 EUR");
        assertThat(plain(formats.amount(new BigDecimal("-1234567.891"), null))).isEqualTo("-1 234 567,891");
        assertThat(formats.amount("999", "PLN")).isEqualTo("999,00\u00a0zł");
    }

    @Test
    void writesDatesDayFirstAndQuantitiesWithTheirOwnDecimals() {
        assertThat(formats.date("2025-10-31")).isEqualTo("31.10.2025");
        assertThat(formats.number(new BigDecimal("20.00"))).isEqualTo("20");
        assertThat(formats.number(new BigDecimal("2.125"))).isEqualTo("2,125");
    }

    @Test
    void showsWhatIsNotADateOrAnAmountAsGiven() {
        assertThat(formats.date("soon")).isEqualTo("soon");
        assertThat(formats.amount("lots", "PLN")).isEqualTo("lots");
        assertThat(formats.date(null)).isEmpty();
        assertThat(formats.amount(null, "PLN")).isEmpty();
    }

    private static String plain(String formatted) {
        return formatted.replace('\u00a0', ' ');
    }
}
