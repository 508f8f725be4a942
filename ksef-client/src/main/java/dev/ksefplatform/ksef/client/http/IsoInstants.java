package dev.ksefplatform.ksef.client.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * ISO-8601 date-times as KSeF sends them, to an {@link Instant}: with an offset or {@code Z}, 0–9 fraction digits,
 * and sometimes no offset at all (then UTC). The shape KSeF uses ({@code 2025-07-11T12:23:56.0154302+00:00}) is read
 * by hand; anything else, and any value out of range, goes to {@link DateTimeFormatter#ISO_DATE_TIME}, which decides
 * and throws as before. Why by hand: the formatter's {@code parseBest} was 5.5 % of tenant-worker's CPU samples in
 * the cost benchmark (every invoice of a session's invoice list and of an inbox export's metadata has several dates).
 */
public final class IsoInstants {

    private static final int[] NANO_SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstants() {
    }

    public static Instant parse(String text) {
        Instant fast = fast(text);
        return fast != null ? fast : formatter(text);
    }

    static Instant formatter(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime odt ? odt.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…][Z|±HH:MM]} with every field in range, or null (let the formatter decide). */
    private static Instant fast(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nanos += (s.charAt(i) - '0') * NANO_SCALE[i - start];
                i++;
            }
            if (i == start || (i < n && isDigit(s.charAt(i)))) {
                return null; // no digit after the point, or more than nine
            }
        }
        int offsetSeconds = offsetSeconds(s, i);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The offset from {@code i} to the end: none (UTC), {@code Z} or {@code ±HH:MM}; MIN_VALUE for anything else. */
    private static int offsetSeconds(String s, int i) {
        int rest = s.length() - i;
        if (rest == 0) {
            return 0;
        }
        if (rest == 1 && s.charAt(i) == 'Z') {
            return 0;
        }
        char sign = s.charAt(i);
        if (rest != 6 || (sign != '+' && sign != '-') || s.charAt(i + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(s, i + 1, 2);
        int minutes = digits(s, i + 4, 2);
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59 || (hours == 18 && minutes > 0)) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
