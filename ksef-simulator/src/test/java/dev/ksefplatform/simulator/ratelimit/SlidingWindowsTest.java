package dev.ksefplatform.simulator.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlidingWindowsTest {

    private final SlidingWindows windows = new SlidingWindows();
    private final Limits limits = new Limits(2, 3, 0);

    @Test
    void blocksTheRequestOverThePerSecondLimitUntilTheOldestLeavesTheWindow() {
        windows.acquire("k", limits, 1_000);
        windows.acquire("k", limits, 1_400);

        assertThat(windows.acquire("k", limits, 1_500)).hasValue(Duration.ofMillis(500));
        assertThat(windows.acquire("k", limits, 2_001)).isEmpty();
    }

    @Test
    void blocksOnThePerMinuteLimitEvenWhenSecondsAreQuiet() {
        windows.acquire("k", limits, 0);
        windows.acquire("k", limits, 5_000);
        windows.acquire("k", limits, 10_000);

        assertThat(windows.acquire("k", limits, 20_000)).hasValue(Duration.ofMillis(40_000));
    }

    @Test
    void countsEachKeySeparately() {
        windows.acquire("a", limits, 0);
        windows.acquire("a", limits, 1);

        assertThat(windows.acquire("b", limits, 2)).isEmpty();
    }
}
