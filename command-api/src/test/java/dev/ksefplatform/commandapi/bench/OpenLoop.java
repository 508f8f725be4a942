package dev.ksefplatform.commandapi.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import reactor.core.publisher.Mono;

/**
 * Fires requests at a fixed offered rate whatever the responses do (open loop), and measures each latency from the
 * instant the request was due, so a stalled server is charged for the requests it delayed (no coordinated omission).
 */
final class OpenLoop {

    private OpenLoop() {
    }

    /** @param request the i-th call; emits true when the call succeeded */
    static Result run(int ratePerSecond, Duration length, IntFunction<Mono<Boolean>> request) {
        int count = (int) (ratePerSecond * length.toSeconds());
        long[] latencies = new long[count];
        AtomicInteger succeeded = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            request.apply(i).timeout(Duration.ofSeconds(30)).onErrorReturn(false).defaultIfEmpty(false)
                    .subscribe(ok -> {
                        latencies[index] = System.nanoTime() - due;
                        if (ok) {
                            succeeded.incrementAndGet();
                        }
                        done.countDown();
                    });
        }
        long sent = System.nanoTime();
        await(done);
        long finished = System.nanoTime();
        Arrays.sort(latencies);
        return new Result(count, succeeded.get(), (sent - start) / 1e9, (finished - start) / 1e9, latencies);
    }

    private static void await(CountDownLatch done) {
        try {
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("requests still outstanding 60 s after the last was sent");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param sendSeconds   how long sending took (≈ length when the generator keeps up)
     * @param windowSeconds until the last response
     */
    record Result(int sent, int succeeded, double sendSeconds, double windowSeconds, long[] sortedLatencies) {

        double percentileMillis(double p) {
            int index = (int) Math.min(sortedLatencies.length - 1, Math.ceil(p * sortedLatencies.length) - 1);
            return sortedLatencies[Math.max(0, index)] / 1e6;
        }

        double maxMillis() {
            return sortedLatencies[sortedLatencies.length - 1] / 1e6;
        }
    }
}
