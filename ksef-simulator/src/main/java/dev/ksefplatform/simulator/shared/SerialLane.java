package dev.ksefplatform.simulator.shared;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs its tasks one at a time, in submission order, on a shared pool (the serial executor of the
 * {@link Executor} javadoc): the invoices of one session are decided in the order they arrived, while other
 * sessions proceed on the other threads.
 */
public final class SerialLane implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialLane.class);

    private final Executor pool;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialLane(Executor pool) {
        this.pool = pool;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
        if (!running) {
            running = true;
            pool.execute(this::drain);
        }
    }

    private void drain() {
        for (Runnable task = next(); task != null; task = next()) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("simulator task failed", e); // a task reports its own outcome; the lane goes on
            }
        }
    }

    private synchronized Runnable next() {
        Runnable task = tasks.poll();
        running = task != null;
        return task;
    }
}
