package dev.ksefplatform.worker.inbox.application;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the inbox syncs of the partitions this instance owns, at most {@code concurrency} at a time, each on its own
 * thread apart from the submission lanes: a long export never holds a tenant's submissions, and both go through the
 * same per-context budget.
 */
public final class InboxSyncs {

    private static final Logger log = LoggerFactory.getLogger(InboxSyncs.class);

    private final InboxStore store;
    private final InboxRun run;
    private final Supplier<Collection<Integer>> ownedPartitions;
    private final ExecutorService executor;
    private final int concurrency;
    private final Clock clock;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public InboxSyncs(InboxStore store, InboxRun run, Supplier<Collection<Integer>> ownedPartitions,
                      ExecutorService executor, int concurrency, Clock clock) {
        this.store = store;
        this.run = run;
        this.ownedPartitions = ownedPartitions;
        this.executor = executor;
        this.concurrency = concurrency;
        this.clock = clock;
    }

    /** Starts what may run now; called periodically. */
    public void tick() {
        int free = concurrency - running.size();
        Collection<Integer> partitions = ownedPartitions.get();
        if (free <= 0 || partitions.isEmpty()) {
            return;
        }
        store.runnable(partitions, Set.copyOf(running), free, clock.instant()).forEach(sync -> {
            if (running.add(sync.ref().commandId())) {
                executor.execute(() -> {
                    try {
                        run.run(sync);
                    } catch (RuntimeException e) {
                        log.warn("inbox sync stopped command={} error={}", sync.ref().commandId(), e.toString());
                    } finally {
                        running.remove(sync.ref().commandId());
                    }
                });
            }
        });
    }

    /** Syncs running now, for metrics. */
    public int running() {
        return running.size();
    }

}
