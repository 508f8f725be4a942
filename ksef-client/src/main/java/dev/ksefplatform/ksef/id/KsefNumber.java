package dev.ksefplatform.ksef.id;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * KSeF number: {@code NNNNNNNNNN-YYYYMMDD-XXXXXXXXXXXX-CC}, 35 characters, where CC is CRC-8
 * (polynomial 0x07, init 0x00) over the ASCII of the first 32 characters, dashes included.
 */
public final class KsefNumber {

    private static final Pattern SHAPE = Pattern.compile("\\d{10}-\\d{8}-[0-9A-F]{12}-[0-9A-F]{2}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private KsefNumber() {
    }

    /** True when the number has the 35-character shape and its checksum matches. */
    public static boolean isValid(String number) {
        if (number == null || !SHAPE.matcher(number).matches()) {
            return false;
        }
        return checksum(number.substring(0, 32)).equals(number.substring(33));
    }

    /** Builds a number from its parts; {@code twelveHex} must be 12 upper-case hex characters. */
    public static String of(String sellerNip, LocalDate acceptedOn, String twelveHex) {
        String body = sellerNip + "-" + DAY.format(acceptedOn) + "-" + twelveHex;
        return body + "-" + checksum(body);
    }

    /** CRC-8/0x07 of the ASCII bytes, as two upper-case hex characters. */
    public static String checksum(String text) {
        int crc = 0;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return String.format("%02X", crc);
    }
}
