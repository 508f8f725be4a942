package dev.ksefplatform.sync.schedule.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdlePacingTest {

    /** Runs the pacing for {@code ticks} ticks, each run publishing nothing; answers the ticks that ran. */
    private static List<Integer> idleRuns(IdlePacing pacing, int ticks) {
        List<Integer> ran = new ArrayList<>();
        for (int tick = 0; tick < ticks; tick++) {
            if (pacing.due()) {
                ran.add(tick);
                pacing.ran(0);
            }
        }
        return ran;
    }

    @Test
    void anIdleRelayBacksOffByDoublingUpToTheLongestStride() {
        IdlePacing pacing = new IdlePacing(10);

        assertThat(idleRuns(pacing, 60)).containsExactly(0, 2, 6, 14, 24, 34, 44, 54);
    }

    @Test
    void aRunThatPublishedBringsBackEveryTick() {
        IdlePacing pacing = new IdlePacing(10);
        idleRuns(pacing, 40);
        int skipped = 0;
        while (!pacing.due()) {
            skipped++;
        }
        pacing.ran(3);

        assertThat(skipped).isPositive();
        assertThat(pacing.due()).isTrue();
    }

    @Test
    void aWakeRunsTheNextTicksEvenWhenTheyFindNothingYet() {
        IdlePacing pacing = new IdlePacing(10);
        idleRuns(pacing, 40);

        pacing.wake();

        assertThat(idleRuns(pacing, IdlePacing.WOKEN_TICKS)).hasSize(IdlePacing.WOKEN_TICKS);
        assertThat(pacing.due()).isFalse();
    }

    @Test
    void aFailedRunIsTriedAgainOnTheNextTick() {
        IdlePacing pacing = new IdlePacing(10);
        idleRuns(pacing, 40);
        while (!pacing.due()) {
            // the next due tick runs and fails
        }

        pacing.failed();

        assertThat(pacing.due()).isTrue();
    }

    @Test
    void aStrideOfOneRunsEveryTick() {
        assertThat(idleRuns(new IdlePacing(1), 5)).containsExactly(0, 1, 2, 3, 4);
        assertThatThrownBy(() -> new IdlePacing(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
