package dev.ksefplatform.support.projection.domain;

/**
 * How many consumers a projection runs: one while it keeps up, up to {@code max} once it has fallen behind. A second
 * consumer overlaps mapping with PostgreSQL in a rebuild or a catch-up (sync-service README, "Two consumers"), but at
 * a steady load each consumer commits its own small batches, so the read models cost more per event and the idle
 * fetches double. Scaling up is at once, at {@code upLag} records behind; scaling down waits for a number of checks in
 * a row under a tenth of it ({@code quietChecks} at first), so a projection near the threshold does not flap.
 * <p>
 * Under a load one consumer cannot carry, the lag would fall with every consumer, rise again with one, and each change
 * costs a rebalance. So a scale-up that follows a scale-down before one consumer has kept up for four quiet periods
 * doubles the period (up to {@link #BACK_OFF_LIMIT} times the first); one consumer keeping up for four periods brings
 * it back to {@code quietChecks}.
 */
public final class ConsumerScaling {

    /** The longest quiet period, in multiples of the first: 16 × six checks of 5 s is eight minutes. */
    public static final int BACK_OFF_LIMIT = 16;

    private final int max;
    private final long upLag;
    private final int quietChecks;
    private int quietNeeded;
    private int quiet;
    /** Checks with one consumer since the last scale-down; negative while none is being watched. */
    private int sinceDown = -1;

    public ConsumerScaling(int max, long upLag, int quietChecks) {
        if (max < 1 || upLag < 1 || quietChecks < 1) {
            throw new IllegalArgumentException("max, upLag and quietChecks must be positive");
        }
        this.max = max;
        this.upLag = upLag;
        this.quietChecks = quietChecks;
        this.quietNeeded = quietChecks;
    }

    /** The consumers wanted now, given those running and the records not yet applied (negative: not known). */
    public int next(int running, long lag) {
        if (lag < 0) {
            quiet = 0;
            return running;
        }
        if (lag >= upLag) {
            quiet = 0;
            if (running < max) {
                backOffIfTooSoon();
            }
            return max;
        }
        if (running > 1 && lag < Math.max(1, upLag / 10)) {
            quiet++;
            if (quiet >= quietNeeded) {
                quiet = 0;
                sinceDown = 0;
                return 1;
            }
            return running;
        }
        quiet = 0;
        if (running == 1) {
            keptUpWithOne();
        }
        return Math.min(running, max);
    }

    /** The checks in a row under a tenth of {@code upLag} that bring the consumers back to one, now. */
    public int quietNeeded() {
        return quietNeeded;
    }

    private void backOffIfTooSoon() {
        if (sinceDown >= 0) {
            quietNeeded = Math.min(quietNeeded * 2, quietChecks * BACK_OFF_LIMIT);
        }
        sinceDown = -1;
    }

    private void keptUpWithOne() {
        if (sinceDown >= 0 && ++sinceDown >= 4 * quietNeeded) {
            quietNeeded = quietChecks;
            sinceDown = -1;
        }
    }
}
