package dev.ksefplatform.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One daemon thread per instance that runs {@code work} every {@code tick}, apart from the lanes' pool (the
 * verifications, the UPO fetches). Work that answers {@code true} (a full round: more is due now) runs again at once,
 * so a backlog drains as fast as the thread goes instead of one round per tick. A run that fails is logged, and the
 * next runs after a tick.
 */
public final class TickingThread implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TickingThread.class);

    private final String name;
    private final Duration tick;
    private final BooleanSupplier work;
    private volatile ScheduledExecutorService ticker;

    /** Runs {@code work} once every {@code tick}. */
    public TickingThread(String name, Duration tick, Runnable work) {
        this(name, tick, () -> {
            work.run();
            return false;
        });
    }

    /** Runs {@code work} again at once while it answers {@code true}, otherwise after {@code tick}. */
    public TickingThread(String name, Duration tick, BooleanSupplier work) {
        this.name = name;
        this.tick = tick;
        this.work = work;
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        next(ticker, tick.toMillis());
    }

    private void tick(ScheduledExecutorService on) {
        boolean more = false;
        try {
            more = work.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("{} could not be run: {}", name, e.getMessage());
        }
        next(on, more ? 0 : tick.toMillis());
    }

    private void next(ScheduledExecutorService on, long delayMillis) {
        try {
            on.schedule(() -> tick(on), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // stop() shut the executor down: nothing more to run
        }
    }

    @Override
    public synchronized void stop() {
        ticker.shutdownNow();
        ticker = null;
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}
