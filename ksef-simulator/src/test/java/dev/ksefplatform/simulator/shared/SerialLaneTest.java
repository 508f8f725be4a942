package dev.ksefplatform.simulator.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialLaneTest {

    private final Workers workers = new Workers(4);

    @AfterEach
    void stop() {
        workers.close();
    }

    @Test
    void runsTheTasksOfOneLaneInOrderAndOneAtATime() throws Exception {
        SerialLane lane = workers.lane();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(500);
        int[] running = new int[1];
        List<Integer> overlaps = new CopyOnWriteArrayList<>();

        IntStream.range(0, 500).forEach(i -> lane.execute(() -> {
            if (++running[0] > 1) {
                overlaps.add(i);
            }
            seen.add(i);
            running[0]--;
            done.countDown();
        }));

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps).isEmpty();
        assertThat(seen).isEqualTo(IntStream.range(0, 500).boxed().toList());
    }

    @Test
    void aFailingTaskDoesNotStopTheLane() throws Exception {
        SerialLane lane = workers.lane();
        CountDownLatch after = new CountDownLatch(1);

        lane.execute(() -> {
            throw new IllegalStateException("boom");
        });
        lane.execute(after::countDown);

        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void twoLanesRunSideBySide() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch finished = new CountDownLatch(2);
        Runnable meetTheOther = () -> {
            bothStarted.countDown();
            try {
                if (bothStarted.await(10, TimeUnit.SECONDS)) {
                    finished.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        workers.lane().execute(meetTheOther);
        workers.lane().execute(meetTheOther);

        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
