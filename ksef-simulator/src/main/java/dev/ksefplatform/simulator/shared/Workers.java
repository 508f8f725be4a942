package dev.ksefplatform.simulator.shared;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's background threads: one timer for the statuses' delays (its tasks must be short) and a pool, one
 * thread per core, for the work itself (invoice decisions, batch packages, export packages). Work that must keep its
 * order (the invoices of one session) runs on a {@link SerialLane} of the pool.
 */
public final class Workers implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemons("ksef-sim-timer"));
    private final ExecutorService pool;

    public Workers(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, daemons("ksef-sim-worker"));
    }

    /** Runs {@code task} on the timer thread after {@code delay}: keep it short, or hand it to the pool. */
    public void after(Duration delay, Runnable task) {
        timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the pool after {@code delay}. */
    public void laterOnPool(Duration delay, Runnable task) {
        after(delay, () -> pool.execute(task));
    }

    public SerialLane lane() {
        return new SerialLane(pool);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
