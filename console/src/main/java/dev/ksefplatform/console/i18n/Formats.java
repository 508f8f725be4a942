package dev.ksefplatform.console.i18n;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Dates, times and amounts as a person reads them: in Polish {@code 03.12.2026}, {@code 03.12.2026 18:34} (Warsaw
 * time) and {@code 1 234,56 zł}; in English ISO-like {@code 2026-12-03}, {@code 2026-12-03 18:34} and
 * {@code PLN 1,234.56}. Values come from command-api as ISO text; one that does not parse is shown as it came.
 * Null stays null, so a page can say what an absent value means.
 */
public final class Formats {

    static final ZoneId WARSAW = ConsoleLocales.WARSAW.toZoneId();
    private static final char NBSP = '\u00a0';
    private static final String AMOUNT = "#,##0.00######";
    private static final String NUMBER = "#,##0.######";

    private final boolean polish;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter dayMonth;

    public Formats(Locale locale) {
        this.polish = !Languages.ENGLISH.getLanguage().equals(locale.getLanguage());
        this.date = DateTimeFormatter.ofPattern(polish ? "dd.MM.yyyy" : "yyyy-MM-dd");
        this.dateTime = DateTimeFormatter.ofPattern(polish ? "dd.MM.yyyy HH:mm" : "yyyy-MM-dd HH:mm");
        this.dayMonth = DateTimeFormatter.ofPattern(polish ? "dd.MM" : "MM-dd");
    }

    /** A day ({@code 2026-12-03}), or the Warsaw day of an instant. */
    public String date(Object value) {
        return value == null ? null : parsed(value.toString(), date);
    }

    /** An instant ({@code 2026-12-03T17:34:00Z}) as Warsaw's wall-clock time, to the minute. */
    public String dateTime(Object value) {
        return value == null ? null : parsed(value.toString(), dateTime);
    }

    /** A day without its year, for a chart's axis. */
    public String dayMonth(Object value) {
        return value == null ? null : parsed(value.toString(), dayMonth);
    }

    /** An amount in złoty. */
    public String amount(Object value) {
        return amount(value, "PLN");
    }

    /**
     * An amount in its currency: {@code 1 234,56 zł}, {@code 10,00 EUR}; {@code PLN 1,234.56}, {@code EUR 10.00}. Two
     * decimals at least, up to the eight an FA(3) price may have; without a currency, the number alone.
     */
    public String amount(Object value, String currency) {
        BigDecimal amount = decimal(value);
        if (amount == null) {
            return value == null ? null : value.toString();
        }
        String number = localized(AMOUNT).format(amount);
        if (currency == null) {
            return number;
        }
        return polish ? number + NBSP + ("PLN".equals(currency) ? "zł" : currency) : currency + " " + number;
    }

    /** A quantity or a plain decimal, with as many decimals as it has ({@code 2,125}; {@code 20}). */
    public String number(Object value) {
        BigDecimal number = decimal(value);
        return number == null ? (value == null ? null : value.toString()) : localized(NUMBER).format(number);
    }

    private DecimalFormat localized(String pattern) {
        return polish ? number(NBSP, ',', pattern) : number(',', '.', pattern);
    }

    private static BigDecimal decimal(Object value) {
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static DecimalFormat number(char grouping, char decimal, String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(grouping);
        symbols.setDecimalSeparator(decimal);
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setParseBigDecimal(true);
        return format;
    }

    private static String parsed(String text, DateTimeFormatter formatter) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).format(formatter)
                    : OffsetDateTime.parse(text).atZoneSameInstant(WARSAW).format(formatter);
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
