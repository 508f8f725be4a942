package dev.ksefplatform.ksef.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NipTest {

    @Test
    void checksOfficialVectors() {
        assertThat(Nip.isValid("1234563218")).isTrue();
        assertThat(Nip.isValid("1234563219")).isFalse();
        assertThat(Nip.isValid("5265877635")).isTrue();
    }

    @Test
    void rejectsWrongShapes() {
        assertThat(Nip.isValid("123456321")).isFalse();
        assertThat(Nip.isValid("12345632a8")).isFalse();
        assertThat(Nip.isValid(null)).isFalse();
    }

    @Test
    void computesTheCheckDigit() {
        assertThat(Nip.withCheckDigit("123456321")).isEqualTo("1234563218");
    }
}
