package dev.ksefplatform.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TickingThreadTest {

    private static final Duration TICK = Duration.ofSeconds(2);

    @Test
    void fullRoundsRunBackToBackAndTheThreadWaitsATickOnceARoundIsNotFull() throws InterruptedException {
        List<Long> runs = new CopyOnWriteArrayList<>();
        CountDownLatch seven = new CountDownLatch(7);
        TickingThread thread = new TickingThread("test-rounds", TICK, () -> {
            runs.add(System.nanoTime());
            seven.countDown();
            return runs.size() <= 5; // five full rounds, then a partial one, then (a tick later) another partial one
        });
        thread.start();
        try {
            assertThat(seven.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            thread.stop();
        }
        // rounds 1-6 within one tick (paced they would take five); round 7 only a whole tick after round 6
        assertThat(runs.get(5) - runs.get(0)).isLessThan(TICK.toNanos());
        assertThat(runs.get(6) - runs.get(5)).isGreaterThanOrEqualTo(TICK.toNanos());
    }

    @Test
    void aRoundThatFailsIsFollowedByAnotherAfterATick() throws InterruptedException {
        List<Long> runs = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        TickingThread thread = new TickingThread("test-failing", Duration.ofMillis(200), () -> {
            runs.add(System.nanoTime());
            two.countDown();
            throw new IllegalStateException("database down");
        });
        thread.start();
        try {
            assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            thread.stop();
        }
        assertThat(runs.get(1) - runs.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        assertThat(thread.isRunning()).isFalse();
    }
}
