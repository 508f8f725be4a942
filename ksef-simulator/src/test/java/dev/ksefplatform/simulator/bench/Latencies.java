package dev.ksefplatform.simulator.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Calls {@code probe} in a loop on its own thread until stopped, and summarises the call latencies. */
final class Latencies implements AutoCloseable {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final long started = System.nanoTime();
    private volatile long stopped;

    Latencies(Runnable probe) {
        thread = new Thread(() -> {
            while (running.get()) {
                long t0 = System.nanoTime();
                probe.run();
                nanos.add(System.nanoTime() - t0);
            }
        }, "latency-probe");
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        if (stopped != 0) {
            return;
        }
        running.set(false);
        thread.join();
        stopped = System.nanoTime();
    }

    String summary() {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double seconds = (stopped - started) / 1e9;
        return String.format("%d calls, %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.size(),
                sorted.size() / seconds, at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile))) / 1e6;
    }
}
