package dev.ksefplatform.sync.inbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalsSummaryTest {

    private static final LocalDate FROM = LocalDate.parse("2026-11-20");

    @Test
    void listsEveryDayOfThePeriodWithZeroForDaysWithoutArrivals() {
        ArrivalsSummary summary = ArrivalsSummary.of(FROM, FROM.plusDays(2),
                List.of(new DailyArrivals(FROM.plusDays(1), 4)));

        assertThat(summary.days()).containsExactly(new DailyArrivals(FROM, 0), new DailyArrivals(FROM.plusDays(1), 4),
                new DailyArrivals(FROM.plusDays(2), 0));
        assertThat(summary.total()).isEqualTo(4);
    }

    @Test
    void ignoresACountedDayOutsideThePeriod() {
        ArrivalsSummary summary = ArrivalsSummary.of(FROM, FROM, List.of(new DailyArrivals(FROM.minusDays(1), 7)));

        assertThat(summary.total()).isZero();
        assertThat(summary.days()).containsExactly(new DailyArrivals(FROM, 0));
    }
}
