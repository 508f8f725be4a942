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
}
