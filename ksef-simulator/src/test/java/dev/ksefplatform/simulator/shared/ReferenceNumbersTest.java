package dev.ksefplatform.simulator.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.ksef.id.KsefNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReferenceNumbersTest {

    private final ReferenceNumbers references =
            new ReferenceNumbers(Clock.fixed(Instant.parse("2025-06-25T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void makesThirtySixCharacterNumbersWithTheTypeCodeAndACrc8Suffix() {
        String reference = references.next("SO");

        assertThat(reference).hasSize(36).matches("20250625-SO-[0-9A-F]{10}-[0-9A-F]{10}-[0-9A-F]{2}");
        assertThat(reference.substring(34)).isEqualTo(KsefNumber.checksum(reference.substring(0, 33)));
    }

    @Test
    void neverRepeatsANumber() {
        assertThat(references.next("EE")).isNotEqualTo(references.next("EE"));
    }
}
