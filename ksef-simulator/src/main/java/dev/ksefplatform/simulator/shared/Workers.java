package dev.ksefplatform.simulator.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's background threads: one timer for the statuses' delays (its tasks must be short), a pool, one
 * thread per core, for online invoice decisions, a pool of the same size for packages (batch packages, export
 * packages), and helpers that share out one large job (a batch package) across the cores. Work that must keep its
 * order (the invoices of one session) runs on a {@link SerialLane}.
 *
 * <p>Packages have threads of their own because KSeF does not queue one taxpayer's online invoice behind another's
 * batch: with one pool, two batch packages could hold both its threads while an online verdict waited behind them
 * (the noisy-neighbour benchmark). The threads still share the cores, as KSeF's work shares its machines.
 */
public final class Workers implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemons("ksef-sim-timer"));
    private final ExecutorService pool;
    private final ExecutorService packages;
    private final ExecutorService helpers;
    private final int threads;

    public Workers(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, daemons("ksef-sim-worker"));
        this.packages = Executors.newFixedThreadPool(threads, daemons("ksef-sim-package"));
        this.helpers = Executors.newFixedThreadPool(threads, daemons("ksef-sim-helper"));
    }

    /** How many strands {@link #all} runs at once. */
    public int parallelism() {
        return threads;
    }

    /**
     * Runs the tasks on the helpers and waits for all of them. Helpers never wait for one another, so a pool or lane
     * thread may call this without risk of deadlock; a helper must not.
     */
    public void all(List<Runnable> tasks) {
        List<Callable<Object>> calls = tasks.stream().map(Executors::callable).toList();
        try {
            for (Future<Object> done : helpers.invokeAll(calls)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for helpers", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a helper task failed", e.getCause());
        }
    }

    /** Runs {@code task} on the timer thread after {@code delay}: keep it short, or hand it to the pool. */
    public void after(Duration delay, Runnable task) {
        timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    public SerialLane lane() {
        return new SerialLane(pool);
    }

    /** A lane for a session whose work is a package (a batch session). */
    public SerialLane packageLane() {
        return new SerialLane(packages);
    }

    /** Runs {@code task}, which builds a package, on the package threads after {@code delay}. */
    public void packageLater(Duration delay, Runnable task) {
        after(delay, () -> packages.execute(task));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdownNow();
        packages.shutdownNow();
        helpers.shutdownNow();
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
