package dev.ksefplatform.sync.schedule.application;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which ticks of the outbox relay's clock run it (issue #8: an idle relay asked the database twice a second). A run
 * that published nothing doubles the stride between runs, up to {@code maxStride} ticks; a run that published, or
 * failed, brings it back to every tick. A {@link #wake()} from this instance's own outbox writes ("sync now", a
 * scheduler round) makes the next {@link #WOKEN_TICKS} ticks run: the write wakes the relay before its transaction
 * commits, so the first of them may find nothing yet. Another instance's rows wait at most {@code maxStride} ticks.
 * {@link #due()} and {@link #ran} are called by one tick at a time; {@link #wake()} from any thread.
 */
public final class IdlePacing {

    static final int WOKEN_TICKS = 5;

    private final int maxStride;
    private final AtomicInteger woken = new AtomicInteger();
    private final AtomicInteger stride = new AtomicInteger(1);
    private final AtomicInteger skipped = new AtomicInteger();

    public IdlePacing(int maxStride) {
        if (maxStride < 1) {
            throw new IllegalArgumentException("maxStride must be at least 1: " + maxStride);
        }
        this.maxStride = maxStride;
    }

    /** Whether this tick runs the relay. */
    public boolean due() {
        if (woken.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            stride.set(1);
            skipped.set(0);
            return true;
        }
        if (skipped.incrementAndGet() < stride.get()) {
            return false;
        }
        skipped.set(0);
        return true;
    }

    /** After a run: how many messages it published. */
    public void ran(long published) {
        stride.set(published > 0 ? 1 : Math.min(stride.get() * 2, maxStride));
    }

    /** A run failed: try again on the next tick, as before pacing. */
    public void failed() {
        stride.set(1);
    }

    /** A command was just written here: run on the next ticks. */
    public void wake() {
        woken.set(WOKEN_TICKS);
    }
}
