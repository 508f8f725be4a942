package dev.ksefplatform.worker.verify;

import dev.ksefplatform.worker.verify.application.Verifications;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** One thread that runs the due verifications every {@code tick}. */
public class VerifyRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VerifyRuntime.class);

    private final Verifications verifications;
    private final Duration tick;
    private volatile ScheduledExecutorService ticker;

    public VerifyRuntime(Verifications verifications, Duration tick) {
        this.verifications = verifications;
        this.tick = tick;
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "integration-verifications");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            verifications.tick();
        } catch (RuntimeException e) {
            log.warn("verifications could not be run: {}", e.getMessage());
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
