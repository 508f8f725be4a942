package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.schemas.logging.LogScope;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the lanes of the partitions this instance owns: a lane with something to do takes its turn on a fixed pool,
 * does one step and goes to the back of the line, so a tenant with 50,000 queued invoices gets one turn like any
 * other and never slows the rest. A lane with nothing to do now sleeps on a timer (until its budget, poll or hold
 * says) and costs no thread. Memory: one small object per active lane plus what it has in flight.
 */
public final class Engine {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final LaneDeps deps;
    private final int threads;
    private final Map<LaneKey, Slot> lanes = new ConcurrentHashMap<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong turns = new java.util.concurrent.atomic.AtomicLong();
    private ExecutorService pool;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    public Engine(LaneDeps deps, int threads) {
        this.deps = deps;
        this.threads = threads;
    }

    public synchronized void start() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "lane-" + n.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lane-timer"));
        running = true;
    }

    /** Stops taking turns; steps in progress finish (up to {@code drain}). */
    public synchronized void stop(Duration drain) {
        running = false;
        if (pool == null) {
            return;
        }
        timer.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }

    /** This instance now owns these partitions: their lanes with unfinished work start. */
    public void partitionsAssigned(Collection<Integer> partitions) {
        owned.addAll(partitions);
        List<LaneKey> keys = deps.store().lanesWithWork(Set.copyOf(partitions));
        keys.forEach(key -> wake(key, 0));
        log.info("partitions assigned partitions={} lanes={}", partitions, keys.size());
    }

    /**
     * Another instance takes these partitions: their lanes stop taking turns here, and this returns once no step of
     * theirs is running (or {@code drain} passed: such a step then fails its ownership check at its next write), so
     * a partition is never acted on by two lanes of this instance at once.
     */
    public void partitionsRevoked(Collection<Integer> partitions, Duration drain) {
        owned.removeAll(partitions);
        List<Slot> leaving = lanes.values().stream().filter(s -> partitions.contains(s.lane.key.partition())).toList();
        leaving.forEach(Slot::retire);
        long deadline = System.nanoTime() + drain.toNanos();
        for (Slot slot : leaving) {
            while (slot.isRunning() && System.nanoTime() < deadline) {
                pause();
            }
            lanes.remove(slot.lane.key, slot);
        }
    }

    /** New commands were stored for the lane. */
    public void commandsArrived(LaneKey key, long count) {
        wake(key, count);
    }

    /** Turns the lanes took so far: a rate near zero at rest; a lane stepping without work shows as thousands a second. */
    public long turns() {
        return turns.get();
    }

    public int activeLanes() {
        return lanes.size();
    }

    public Set<Integer> ownedPartitions() {
        return Set.copyOf(owned);
    }

    private void wake(LaneKey key, long arrived) {
        if (!running || !owned.contains(key.partition())) {
            return;
        }
        Slot slot = lanes.compute(key, (k, existing) -> {
            Slot s = existing != null ? existing : new Slot(new Lane(k, deps));
            s.arrived(arrived);
            return s;
        });
        slot.ready();
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while lanes drain", e);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A lane's place in the line: at most one turn queued or running at a time; a wake during a turn runs it again. */
    private final class Slot {
        private static final int IDLE = 0;
        private static final int QUEUED = 1;
        private static final int RUNNING = 2;

        final Lane lane;
        private final AtomicInteger status = new AtomicInteger(IDLE);
        private volatile boolean again;
        private volatile boolean retired;
        private long arrivedSinceTurn;
        private boolean woken;

        Slot(Lane lane) {
            this.lane = lane;
        }

        /** Called inside the map's compute for the key, so it cannot interleave with the lane's removal. */
        synchronized void arrived(long count) {
            arrivedSinceTurn += count;
            woken = true;
        }

        boolean isRunning() {
            return status.get() != IDLE;
        }

        void ready() {
            if (retired) {
                return;
            }
            if (status.compareAndSet(IDLE, QUEUED)) {
                submit();
            } else {
                again = true;
            }
        }

        void retire() {
            retired = true;
        }

        private void submit() {
            try {
                pool.execute(this::turn);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                status.set(IDLE);
            }
        }

        private void turn() {
            turns.incrementAndGet();
            status.set(RUNNING);
            again = false;
            Instant next;
            try (LogScope ids = LogIds.enter(lane.key, lane.laneRef(), null)) {
                next = step();
            }
            afterTurn(next);
        }

        private Instant step() {
            try {
                lane.commandsArrived(takeArrived());
                return lane.runOnce();
            } catch (LaneStore.LostOwnership lost) {
                log.warn("lane stopped: {}", lost.getMessage());
                retired = true;
                return Instant.MAX;
            } catch (RuntimeException e) {
                log.error("lane step failed unexpectedly lane={} error={}", lane.key, e.toString(), e);
                lane.reloadBeforeNextStep();
                return deps.clock().instant().plus(deps.retries().after(3));
            }
        }

        private synchronized long takeArrived() {
            long count = arrivedSinceTurn;
            arrivedSinceTurn = 0;
            woken = false;
            return count;
        }

        private synchronized boolean pendingWake() {
            return woken || again;
        }

        private void afterTurn(Instant next) {
            if (retired || !running) {
                status.set(IDLE);
                return;
            }
            Instant now = deps.clock().instant();
            if (again || !next.isAfter(now)) {
                status.set(QUEUED);
                submit();
            } else if (next.equals(Instant.MAX) && lane.isIdle()) {
                status.set(IDLE);
                lanes.computeIfPresent(lane.key, (k, s) -> s == this && !pendingWake() ? null : s);
                if (pendingWake()) {
                    ready();
                }
            } else {
                status.set(IDLE);
                if (!next.equals(Instant.MAX)) {
                    timer.schedule(this::ready, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
                }
                if (again) {
                    ready();
                }
            }
        }
    }
}
