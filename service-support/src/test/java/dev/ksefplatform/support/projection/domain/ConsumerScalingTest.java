package dev.ksefplatform.support.projection.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsumerScalingTest {

    @Test
    void oneConsumerKeepsUpUntilTheLagReachesTheThresholdThenAllAreRun() {
        ConsumerScaling scaling = new ConsumerScaling(3, 10_000, 2);

        assertThat(scaling.next(1, 0)).isEqualTo(1);
        assertThat(scaling.next(1, 9_999)).isEqualTo(1);
        assertThat(scaling.next(1, 10_000)).isEqualTo(3);
    }

    @Test
    void backToOneOnlyAfterEnoughQuietChecksInARowUnderATenthOfTheThreshold() {
        ConsumerScaling scaling = new ConsumerScaling(2, 10_000, 3);

        assertThat(scaling.next(2, 999)).isEqualTo(2);
        assertThat(scaling.next(2, 0)).isEqualTo(2);
        assertThat(scaling.next(2, 1_000)).as("not quiet: the count starts again").isEqualTo(2);
        assertThat(scaling.next(2, 10)).isEqualTo(2);
        assertThat(scaling.next(2, 10)).isEqualTo(2);
        assertThat(scaling.next(2, 10)).isEqualTo(1);
    }

    @Test
    void anUnknownLagChangesNothingAndResetsTheQuietCount() {
        ConsumerScaling scaling = new ConsumerScaling(2, 100, 2);

        assertThat(scaling.next(1, -1)).isEqualTo(1);
        assertThat(scaling.next(2, 0)).isEqualTo(2);
        assertThat(scaling.next(2, -1)).isEqualTo(2);
        assertThat(scaling.next(2, 0)).isEqualTo(2);
        assertThat(scaling.next(2, 0)).isEqualTo(1);
    }

    @Test
    void aMaximumOfOneNeverScalesAndMoreThanTheMaximumIsBroughtDown() {
        assertThat(new ConsumerScaling(1, 100, 1).next(1, 1_000_000)).isEqualTo(1);
        assertThat(new ConsumerScaling(2, 100, 5).next(4, 50)).isEqualTo(2);
        assertThatThrownBy(() -> new ConsumerScaling(0, 100, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScaleUpSoonAfterAScaleDownDoublesTheQuietPeriodUpToItsLimit() {
        ConsumerScaling scaling = new ConsumerScaling(2, 100, 2);

        assertThat(flapOnce(scaling)).as("the first scale-up follows no scale-down").isEqualTo(2);
        assertThat(flapOnce(scaling)).as("one consumer fell behind again: twice the period").isEqualTo(4);
        assertThat(flapOnce(scaling)).isEqualTo(8);
        for (int i = 0; i < 10; i++) {
            flapOnce(scaling);
        }
        assertThat(scaling.quietNeeded()).isEqualTo(2 * ConsumerScaling.BACK_OFF_LIMIT);
    }

    @Test
    void oneConsumerKeepingUpForFourPeriodsBringsTheQuietPeriodBack() {
        ConsumerScaling scaling = new ConsumerScaling(2, 100, 2);
        flapOnce(scaling);
        flapOnce(scaling);
        flapOnce(scaling); // down after 8 quiet checks, then one check with one consumer
        assertThat(scaling.quietNeeded()).isEqualTo(8);

        for (int i = 0; i < 4 * 8 - 2; i++) {
            assertThat(scaling.next(1, i % 2 == 0 ? 50 : 0)).isEqualTo(1);
        }
        assertThat(scaling.quietNeeded()).as("one check short of four periods").isEqualTo(8);
        scaling.next(1, 0);
        assertThat(scaling.quietNeeded()).isEqualTo(2);
        assertThat(scaling.next(1, 100)).as("a later backlog: all again, no back-off").isEqualTo(2);
        assertThat(scaling.quietNeeded()).isEqualTo(2);
    }

    @Test
    void theFirstScaleUpIsNeverABackOff() {
        ConsumerScaling scaling = new ConsumerScaling(2, 100, 3);

        assertThat(scaling.next(1, 500)).isEqualTo(2);
        assertThat(scaling.next(2, 500)).isEqualTo(2);
        assertThat(scaling.quietNeeded()).isEqualTo(3);
    }

    /** One consumer's backlog, all consumers until quiet, one, then a backlog again: the checks it took to go down. */
    private static int flapOnce(ConsumerScaling scaling) {
        int running = scaling.next(1, 1_000);
        assertThat(running).isEqualTo(2);
        int checks = 0;
        while (running == 2) {
            running = scaling.next(running, 0);
            checks++;
        }
        scaling.next(1, 50);
        return checks;
    }
}
