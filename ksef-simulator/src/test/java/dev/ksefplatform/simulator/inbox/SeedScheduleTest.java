package dev.ksefplatform.simulator.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.simulator.error.SimRequestInvalid;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeedScheduleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void spreadsTheStorageDatesEvenlyFromFromToTo() {
        SeedSchedule schedule = SeedSchedule.of(request(5, NOW.minusSeconds(400), NOW, null), NOW, Instant.MIN);

        assertThat(schedule.at(0)).isEqualTo(NOW.minusSeconds(400));
        assertThat(schedule.at(1)).isEqualTo(NOW.minusSeconds(300));
        assertThat(schedule.at(4)).isEqualTo(NOW);
    }

    @Test
    void aRateStartsAfterNowSoTheInvoicesKeepArriving() {
        SeedSchedule schedule = SeedSchedule.of(request(3, null, null, 4.0), NOW, Instant.MIN);

        assertThat(schedule.at(0)).isEqualTo(NOW.plusMillis(250));
        assertThat(schedule.at(2)).isEqualTo(NOW.plusMillis(750));
    }

    @Test
    void byDefaultTheLastDayUpToNowButNeverAtOrBelowAnHwmAlreadyShown() {
        Instant shown = NOW.minusSeconds(60);

        SeedSchedule fresh = SeedSchedule.of(request(2, null, null, null), NOW, Instant.MIN);
        SeedSchedule afterHwm = SeedSchedule.of(request(2, null, null, null), NOW, shown);

        assertThat(fresh.at(0)).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(afterHwm.at(0)).isEqualTo(shown.plusMillis(1));
        assertThat(afterHwm.at(1)).isEqualTo(NOW);
    }

    @Test
    void refusesAFromAtOrBelowAnHwmAlreadyShown() {
        assertThatThrownBy(() -> SeedSchedule.of(request(2, NOW.minusSeconds(60), NOW, null), NOW, NOW.minusSeconds(60)))
                .isInstanceOf(SimRequestInvalid.class).hasMessageContaining("HWM");
    }

    private static SeedRequest request(int count, Instant from, Instant to, Double rate) {
        return new SeedRequest("7762811692", count, null, from, to, rate).validated();
    }
}
