package dev.ksefplatform.worker.engine.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofMillis(300), Duration.ofSeconds(30));

    @Test
    void pollsDoubleFromTheFirstToTheMaximum() {
        assertThat(schedule.poll(0)).isEqualTo(Duration.ofMillis(300));
        assertThat(schedule.poll(3)).isEqualTo(Duration.ofMillis(2_400));
        assertThat(schedule.poll(10)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLaneWithOneInvoiceAwaitingPollsItAtLeastEveryThreeSecondsEarlyOn() {
        assertThat(schedule.poll(1, 1)).isEqualTo(Duration.ofMillis(600));
        assertThat(schedule.poll(5, 1)).isEqualTo(Duration.ofSeconds(3));
        assertThat(schedule.poll(RetrySchedule.EARLY_POLLS, 1)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theCapGrowsWithWhatIsAwaitingSoTheLanePollsAtMostOncePerThreeSeconds() {
        assertThat(schedule.poll(6, 4)).isEqualTo(Duration.ofSeconds(12));
        assertThat(schedule.poll(7, 50)).isEqualTo(Duration.ofSeconds(30));
    }
}
