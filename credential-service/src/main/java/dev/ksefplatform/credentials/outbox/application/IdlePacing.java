package dev.ksefplatform.credentials.outbox.application;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which ticks of the relay's clock run the relay. A run that published nothing doubles the stride between runs, up to
 * {@code maxStride} ticks; a run that published brings it back to every tick. An idle vault then asks the database
 * once per {@code maxStride} ticks instead of every tick; another instance's events wait at most {@code maxStride}
 * ticks. A {@link #wake()} from this instance's own outbox writes makes the next {@link #WOKEN_TICKS} ticks run: the
 * write wakes the relay before its transaction commits, so the first of them may find nothing yet.
 * {@link #due()} and {@link #ran} are called by one sequence at a time; {@link #wake()} from any thread.
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

    /** After a run: how many events it published. */
    public void ran(long published) {
        stride.set(published > 0 ? 1 : Math.min(stride.get() * 2, maxStride));
    }

    /** Events were just written here: run on the next ticks. */
    public void wake() {
        woken.set(WOKEN_TICKS);
    }
}
