package dev.ksefplatform.support.projection.domain;

/**
 * How many consumers a projection runs: one while it keeps up, up to {@code max} once it has fallen behind. A second
 * consumer overlaps mapping with PostgreSQL in a rebuild or a catch-up (sync-service README, "Two consumers"), but at
 * a steady load each consumer commits its own small batches, so the read models cost more per event and the idle
 * fetches double. Scaling up is at once, at {@code upLag} records behind; scaling down waits for {@code quietChecks}
 * checks in a row under a tenth of it, so a projection near the threshold does not flap.
 */
public final class ConsumerScaling {

    private final int max;
    private final long upLag;
    private final int quietChecks;
    private int quiet;

    public ConsumerScaling(int max, long upLag, int quietChecks) {
        if (max < 1 || upLag < 1 || quietChecks < 1) {
            throw new IllegalArgumentException("max, upLag and quietChecks must be positive");
        }
        this.max = max;
        this.upLag = upLag;
        this.quietChecks = quietChecks;
    }

    /** The consumers wanted now, given those running and the records not yet applied (negative: not known). */
    public int next(int running, long lag) {
        if (lag < 0) {
            quiet = 0;
            return running;
        }
        if (lag >= upLag) {
            quiet = 0;
            return max;
        }
        if (running > 1 && lag < Math.max(1, upLag / 10)) {
            quiet++;
            if (quiet >= quietChecks) {
                quiet = 0;
                return 1;
            }
            return running;
        }
        quiet = 0;
        return Math.min(running, max);
    }
}
