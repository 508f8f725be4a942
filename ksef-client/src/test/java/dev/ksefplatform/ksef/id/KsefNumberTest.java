package dev.ksefplatform.ksef.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KsefNumberTest {

    /** Official examples from the KSeF docs and spec (see KSEF-API-BRIEF §14). */
    @ParameterizedTest
    @ValueSource(strings = {
        "5265877635-20250826-0100001AF629-AF", "5265877635-20250916-0200A0D6723E-C2",
        "5265877635-20250916-010040741B3E-46", "5265877635-20250626-010080DD2B5E-26",
        "5555555555-20250828-010080615740-E4", "5265877635-20250925-010020A0A242-0A"})
    void acceptsOfficialExamples(String number) {
        assertThat(KsefNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "5265877635-20250826-0100001AF629-AE", "5265877635-20250826-0100001AF629", "",
        "5265877635-20250826-0100001af629-AF", "5265877635-20250826-0100001AF628-AF"})
    void rejectsBrokenNumbers(String number) {
        assertThat(KsefNumber.isValid(number)).isFalse();
    }

    @Test
    void buildsNumbersWithAValidChecksum() {
        String number = KsefNumber.of("5265877635", LocalDate.of(2025, 8, 26), "0100001AF629");

        assertThat(number).isEqualTo("5265877635-20250826-0100001AF629-AF");
    }
}
