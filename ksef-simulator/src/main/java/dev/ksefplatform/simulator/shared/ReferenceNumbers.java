package dev.ksefplatform.simulator.shared;

import dev.ksefplatform.ksef.id.KsefNumber;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Reference numbers shaped like the real ones: {@code yyyyMMdd-TT-10hex-10hex-CC}, where CC is the
 * CRC-8 of the first 33 characters (as in most official examples).
 */
public final class ReferenceNumbers {

    public static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ReferenceNumbers(Clock clock) {
        this.clock = clock;
    }

    public String next(String typeCode) {
        String body = DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(clock.withZone(WARSAW)))
                + "-" + typeCode + "-" + hex(5) + "-" + hex(5);
        return body + "-" + KsefNumber.checksum(body);
    }

    /** {@code bytes * 2} upper-case hex characters. */
    public String hex(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HEX.formatHex(buffer);
    }
}
