package dev.ksefplatform.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.console.dashboard.SubmissionChart.Bar;
import dev.ksefplatform.console.dashboard.SubmissionChart.DayCounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionChartTest {

    private static final List<DayCounts> DAYS = List.of(
            new DayCounts("2026-12-01", Map.of()),
            new DayCounts("2026-12-02", Map.of("ACCEPTED", 3L, "REJECTED", 1L)),
            new DayCounts("2026-12-03", Map.of("ACCEPTED", 2L)));

    @Test
    void stacksEachDaysStatusesScaledToTheBusiestDay() {
        SubmissionChart chart = SubmissionChart.of(DAYS);

        assertThat(chart.max()).isEqualTo(4);
        assertThat(chart.bars()).extracting(Bar::status).containsExactly("ACCEPTED", "REJECTED", "ACCEPTED");
        Bar accepted = chart.bars().get(0);
        Bar rejected = chart.bars().get(1);
        assertThat(accepted.height()).isEqualTo(120.0);
        assertThat(accepted.y()).isEqualTo(40.0);
        assertThat(rejected.height()).isEqualTo(40.0);
        assertThat(rejected.y() + rejected.height()).as("on top of the accepted part").isEqualTo(accepted.y());
        assertThat(chart.bars().get(2).height()).isEqualTo(80.0);
        assertThat(accepted.date()).isEqualTo("2026-12-02");
        assertThat(accepted.count()).isEqualTo(3);
        assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.x() + bar.width()).isLessThanOrEqualTo(SubmissionChart.WIDTH));
    }

    @Test
    void labelsTheLastDayAndEverySeventhBeforeIt() {
        assertThat(SubmissionChart.of(DAYS).labels()).extracting(SubmissionChart.Label::date).containsExactly("2026-12-03");
    }

    @Test
    void drawsNoBarForAnEmptyPeriod() {
        SubmissionChart chart = SubmissionChart.of(List.of(new DayCounts("2026-12-03", Map.of())));

        assertThat(chart.bars()).isEmpty();
        assertThat(chart.max()).isEqualTo(1);
    }
}
