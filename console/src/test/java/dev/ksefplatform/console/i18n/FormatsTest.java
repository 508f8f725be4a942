package dev.ksefplatform.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final String NBSP = "\u00a0";
    private final Formats polish = new Formats(Languages.POLISH);
    private final Formats english = new Formats(Languages.ENGLISH);

    @Test
    void writesPolishDatesDayFirstAndTimesInWarsaw() {
        assertThat(polish.date("2026-12-03")).isEqualTo("03.12.2026");
        assertThat(polish.dateTime("2026-12-03T17:34:59.123Z")).isEqualTo("03.12.2026 18:34");
        assertThat(polish.dateTime("2026-07-01T22:30:00Z")).as("summer time, the next day in Warsaw").isEqualTo("02.07.2026 00:30");
        assertThat(polish.date("2026-12-31T23:30:00Z")).as("an instant's Warsaw day").isEqualTo("01.01.2027");
        assertThat(polish.dayMonth("2026-12-03")).isEqualTo("03.12");
    }

    @Test
    void writesEnglishDatesIsoLikeInWarsawTime() {
        assertThat(english.date("2026-12-03")).isEqualTo("2026-12-03");
        assertThat(english.dateTime("2026-12-03T17:34:59.123Z")).isEqualTo("2026-12-03 18:34");
        assertThat(english.dateTime("2026-12-03T18:34:00+01:00")).isEqualTo("2026-12-03 18:34");
        assertThat(english.dayMonth("2026-12-03")).isEqualTo("12-03");
    }

    @Test
    void writesPolishAmountsWithSpacesCommaAndZloty() {
        assertThat(polish.amount("1234.56")).isEqualTo("1" + NBSP + "234,56" + NBSP + "zł");
        assertThat(polish.amount(new java.math.BigDecimal("1234567.5"))).isEqualTo("1" + NBSP + "234" + NBSP + "567,50" + NBSP + "zł");
        assertThat(polish.amount(12)).isEqualTo("12,00" + NBSP + "zł");
        assertThat(polish.amount("-0.5")).isEqualTo("-0,50" + NBSP + "zł");
        assertThat(polish.amount("10", "EUR")).isEqualTo("10,00" + NBSP + "EUR");
    }

    @Test
    void writesEnglishAmountsWithTheCurrencyFirst() {
        assertThat(english.amount("1234.56")).isEqualTo("PLN 1,234.56");
        assertThat(english.amount(1234567.5)).isEqualTo("PLN 1,234,567.50");
        assertThat(english.amount("10", "EUR")).isEqualTo("EUR 10.00");
    }

    @Test
    void keepsAbsentValuesAbsentAndShowsWhatItCannotReadAsItCame() {
        assertThat(polish.date(null)).isNull();
        assertThat(polish.dateTime(null)).isNull();
        assertThat(polish.amount(null)).isNull();
        assertThat(polish.dateTime("yesterday")).isEqualTo("yesterday");
        assertThat(english.amount("a lot")).isEqualTo("a lot");
    }

    /** An FA(3) price may have up to eight decimals; a line's quantity is shown with its own. */
    @Test
    void keepsAnInvoicesExtraDecimalsAndWritesPlainNumbersWithoutACurrency() {
        assertThat(polish.amount(new java.math.BigDecimal("-1234567.891"), null)).isEqualTo("-1" + NBSP + "234" + NBSP + "567,891");
        assertThat(english.amount("1234.5", null)).isEqualTo("1,234.50");
        assertThat(polish.number(new java.math.BigDecimal("20.00"))).isEqualTo("20");
        assertThat(polish.number(new java.math.BigDecimal("2.125"))).isEqualTo("2,125");
        assertThat(english.number("1234.125")).isEqualTo("1,234.125");
        assertThat(polish.number("some")).isEqualTo("some");
        assertThat(polish.number(null)).isNull();
    }
}
