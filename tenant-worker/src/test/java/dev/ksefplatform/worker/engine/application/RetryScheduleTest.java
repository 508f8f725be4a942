package dev.ksefplatform.worker.engine.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.worker.engine.domain.Budgets.Capacity;
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

    @Test
    void aLaneAwaitingFewVerdictsWithAmpleBudgetPollsEveryFirstPollForItsFirstTenPolls() {
        Capacity ample = new Capacity(120, 1_200, 120, 1_200);
        assertThat(schedule.poll(1, 1, ample)).isEqualTo(Duration.ofMillis(300));
        assertThat(schedule.poll(9, 2, ample)).isEqualTo(Duration.ofMillis(300));
        assertThat(schedule.poll(10, 1, ample)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theFlatScheduleStopsAtHalfOfEitherWindowOrWithMoreAwaiting() {
        assertThat(schedule.poll(2, 1, new Capacity(60, 1_200, 120, 1_200))).isEqualTo(Duration.ofMillis(1_200));
        assertThat(schedule.poll(2, 1, new Capacity(120, 600, 120, 1_200))).isEqualTo(Duration.ofMillis(1_200));
        assertThat(schedule.poll(2, 3, new Capacity(120, 1_200, 120, 1_200))).isEqualTo(Duration.ofMillis(1_200));
    }

    @Test
    void anUnlimitedBudgetIsAmpleWithoutOverflowing() {
        int max = Integer.MAX_VALUE;
        assertThat(schedule.poll(1, 1, new Capacity(max, max, max, max))).isEqualTo(Duration.ofMillis(300));
        assertThat(schedule.poll(1, 1, new Capacity(0, max, max, max))).isEqualTo(Duration.ofMillis(600));
    }
}
