package dev.ksefplatform.worker.inbox;

import dev.ksefplatform.worker.WorkerProperties;
import dev.ksefplatform.worker.inbox.application.InboxSyncs;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** The inbox's threads: one that looks for syncs to start every {@code tick}, and a pool that runs them. */
public class InboxRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxRuntime.class);

    private final WorkerProperties.Inbox settings;
    private final Function<ExecutorService, InboxSyncs> syncsFactory;
    private ScheduledExecutorService ticker;
    private ExecutorService runners;
    private volatile InboxSyncs syncs;

    public InboxRuntime(WorkerProperties.Inbox settings, Function<ExecutorService, InboxSyncs> syncsFactory) {
        this.settings = settings;
        this.syncsFactory = syncsFactory;
    }

    @Override
    public synchronized void start() {
        AtomicInteger n = new AtomicInteger();
        runners = Executors.newFixedThreadPool(settings.concurrency(), r -> daemon(r, "inbox-sync-" + n.incrementAndGet()));
        syncs = syncsFactory.apply(runners);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "inbox-ticker"));
        ticker.scheduleWithFixedDelay(this::tick, settings.tick().toMillis(), settings.tick().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            syncs.tick();
        } catch (RuntimeException e) {
            log.warn("inbox syncs could not be looked up: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        ticker.shutdownNow();
        runners.shutdownNow();
        try {
            runners.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        syncs = null;
    }

    @Override
    public boolean isRunning() {
        return syncs != null;
    }

    /** Syncs running now. */
    public int running() {
        InboxSyncs current = syncs;
        return current == null ? 0 : current.running();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
