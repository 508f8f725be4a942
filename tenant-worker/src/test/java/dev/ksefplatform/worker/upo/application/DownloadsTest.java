package dev.ksefplatform.worker.upo.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DownloadsTest {

    @Test
    void runsEveryItemWithAtMostItsThreadsAtOnceAndReturnsWhenAllHaveRun() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        CyclicBarrier fourTogether = new CyclicBarrier(4); // passes only if four items run at the same time
        try (Downloads downloads = new Downloads(4, "test-downloads")) {
            downloads.each(IntStream.range(0, 8).boxed().toList(), item -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    fourTogether.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    running.decrementAndGet();
                }
                done.add(item);
            });
        }
        assertThat(done).hasSize(8);
        assertThat(most.get()).isEqualTo(4);
    }

    @Test
    void aFailureIsThrownOnlyAfterEveryOtherItemHasRun() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        try (Downloads downloads = new Downloads(3, "test-downloads")) {
            assertThatThrownBy(() -> downloads.each(IntStream.range(0, 10).boxed().toList(), item -> {
                if (item == 2) {
                    throw new IllegalStateException("storage refused item 2");
                }
                done.add(item);
            })).isInstanceOf(IllegalStateException.class).hasMessage("storage refused item 2");
        }
        assertThat(done).hasSize(9).doesNotContain(2);
    }

    @Test
    void oneThreadRunsTheItemsInTheCallersThreadInOrder() {
        List<String> seen = new java.util.ArrayList<>();
        try (Downloads downloads = new Downloads(1, "test-downloads")) {
            downloads.each(List.of("a", "b", "c"), item -> seen.add(item + "@" + Thread.currentThread().getName()));
        }
        String caller = Thread.currentThread().getName();
        assertThat(seen).containsExactly("a@" + caller, "b@" + caller, "c@" + caller);
    }
}
