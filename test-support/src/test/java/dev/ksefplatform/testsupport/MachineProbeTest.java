package dev.ksefplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineProbeTest {

    @Test
    void measuresASystemCallAHandOffAndADigestAsPositiveFiniteTimesAndPrintsThem() {
        double call = MachineProbe.systemCallMicros();
        double handOff = MachineProbe.handOffMicros();
        double[] digest = MachineProbe.digestMicros();

        assertThat(call).isPositive().isLessThan(1_000);
        assertThat(handOff).isPositive().isLessThan(10_000);
        assertThat(digest[0]).isPositive().isLessThan(10_000);
        assertThat(digest[1]).isPositive().isLessThan(10_000);
        assertThat(MachineProbe.line()).matches("machine: \\d+ cores, a system call .* [0-9.]+ µs, .* [0-9.]+ µs,"
                + " a SHA-256 of 5 KB [0-9.]+ µs of CPU \\([0-9.]+ µs of wall time\\)");
    }
}
