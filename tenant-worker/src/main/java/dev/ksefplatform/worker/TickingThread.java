package dev.ksefplatform.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One daemon thread per instance that runs {@code work} every {@code tick}, apart from the lanes' pool (the
 * verifications, the UPO fetches). A run that fails is logged, and the next tick runs again.
 */
public final class TickingThread implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TickingThread.class);

    private final String name;
    private final Duration tick;
    private final Runnable work;
    private volatile ScheduledExecutorService ticker;

    public TickingThread(String name, Duration tick, Runnable work) {
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
        ticker.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} could not be run: {}", name, e.getMessage());
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
