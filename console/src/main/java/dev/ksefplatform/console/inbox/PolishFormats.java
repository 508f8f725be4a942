package dev.ksefplatform.console.inbox;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Dates and amounts as Polish readers write them: {@code 31.10.2025}, {@code 33 569,50 zł}. The grouping separator
 * is a no-break space (an amount never wraps); the JDK's own Polish pattern is not used because its CLDR data
 * leaves four-digit amounts ungrouped ({@code 1234,56}). A value that is not a date or a decimal is shown as given.
 */
public final class PolishFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DecimalFormatSymbols SYMBOLS = symbols();

    public String date(Object iso) {
        if (iso == null) {
            return "";
        }
        try {
            return LocalDate.parse(String.valueOf(iso)).format(DATE);
        } catch (DateTimeParseException e) {
            return String.valueOf(iso);
        }
    }

    /** Two decimals at least (up to the eight FA(3) prices may have), then the currency: zł for PLN, else its code. */
    public String amount(Object value, Object currency) {
        BigDecimal decimal = decimal(value);
        if (decimal == null || currency == null) {
            return decimal == null ? given(value) : format(decimal, "#,##0.00######");
        }
        return format(decimal, "#,##0.00######") + "\u00a0" + ("PLN".equals(currency) ? "zł" : currency);
    }

    /** A quantity or a plain decimal: as many decimals as it has. */
    public String number(Object value) {
        BigDecimal decimal = decimal(value);
        return decimal == null ? given(value) : format(decimal, "#,##0.######");
    }

    private static String format(BigDecimal decimal, String pattern) {
        return new DecimalFormat(pattern, SYMBOLS).format(decimal);
    }

    private static BigDecimal decimal(Object value) {
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        try {
            return new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String given(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static DecimalFormatSymbols symbols() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("pl-PL"));
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        return symbols;
    }
}
