package dev.ksefplatform.console.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadOutcomeTest {

    @Test
    void showsEachViolationWithItsPlace() {
        UploadOutcome refused = UploadOutcome.refused("a.xml", Map.of("title", "Invalid FA(3) invoice",
                "detail", "the invoice is not valid", "violations", List.of(
                        Map.of("line", 12, "column", 20, "message", "cvc-datatype-valid.1.2.1: 'x' is not a valid 'date'"))), "Invalid FA(3) invoice");

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.title()).isEqualTo("Invalid FA(3) invoice");
        assertThat(refused.violations()).containsExactly(
                new UploadOutcome.Violation(12L, 20L, "cvc-datatype-valid.1.2.1: 'x' is not a valid 'date'"));
    }

    @Test
    void keepsAtMostFiftyViolations() {
        List<Map<String, Object>> many = java.util.stream.IntStream.range(0, 80)
                .mapToObj(i -> Map.<String, Object>of("line", i, "column", 1, "message", "m")).toList();

        assertThat(UploadOutcome.refused("a.xml", Map.of("violations", many), "Refused").violations()).hasSize(50);
    }

    @Test
    void anAcceptedFileNamesItsCommand() {
        UploadOutcome accepted = UploadOutcome.submitted("b.xml", Map.of("commandId", "c-1", "status", "PENDING"));

        assertThat(accepted.accepted()).isTrue();
        assertThat(accepted.commandId()).isEqualTo("c-1");
        assertThat(accepted.status()).isEqualTo("PENDING");
    }
}
