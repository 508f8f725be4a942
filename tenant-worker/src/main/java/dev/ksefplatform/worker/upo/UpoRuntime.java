package dev.ksefplatform.worker.upo;

import dev.ksefplatform.worker.upo.application.UpoFetches;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** One thread per instance that publishes sent XML and fetches UPOs every {@code tick}, apart from the lanes' pool. */
public class UpoRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UpoRuntime.class);

    private final UpoFetches fetches;
    private final Duration tick;
    private volatile ScheduledExecutorService ticker;

    public UpoRuntime(UpoFetches fetches, Duration tick) {
        this.fetches = fetches;
        this.tick = tick;
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "upo-fetches");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            fetches.tick();
        } catch (RuntimeException e) {
            log.warn("UPO fetches could not be run: {}", e.getMessage());
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
