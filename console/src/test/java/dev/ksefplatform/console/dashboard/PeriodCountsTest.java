package dev.ksefplatform.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.dashboard.SubmissionChart.DayCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodCountsTest {

    @Test
    void sumsTheLastDaysOfTheSummary() {
        List<DayCounts> days = new ArrayList<>();
        for (int day = 1; day <= 30; day++) {
            days.add(new DayCounts(String.format("2026-11-%02d", day), Map.of("ACCEPTED", (long) day, "FAILED", 1L)));
        }

        PeriodCounts today = PeriodCounts.lastDays(days, 1, "today");
        PeriodCounts week = PeriodCounts.lastDays(days, 7, "week");
        PeriodCounts month = PeriodCounts.lastDays(days, 30, "month");

        assertThat(today.of("ACCEPTED")).isEqualTo(30);
        assertThat(week.of("ACCEPTED")).isEqualTo(24 + 25 + 26 + 27 + 28 + 29 + 30);
        assertThat(week.of("FAILED")).isEqualTo(7);
        assertThat(month.total()).isEqualTo(465 + 30);
        assertThat(month.of("REJECTED")).isZero();
    }

    @Test
    void aShorterSummaryIsCountedWhole() {
        assertThat(PeriodCounts.lastDays(List.of(new DayCounts("2026-12-03", Map.of("SENT", 2L))), 7, "week").total())
                .isEqualTo(2);
    }
}
