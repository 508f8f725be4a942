package dev.ksefplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineProbeTest {

    @Test
    void measuresASystemCallAndAHandOffAsPositiveFiniteTimesAndPrintsBoth() {
        double call = MachineProbe.systemCallMicros();
        double handOff = MachineProbe.handOffMicros();

        assertThat(call).isPositive().isLessThan(1_000);
        assertThat(handOff).isPositive().isLessThan(10_000);
        assertThat(MachineProbe.line()).matches("machine: \\d+ cores, a system call .* [0-9.]+ µs, .* [0-9.]+ µs");
    }
}
