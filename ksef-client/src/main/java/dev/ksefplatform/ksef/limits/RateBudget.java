package dev.ksefplatform.ksef.limits;

import java.time.Duration;

/**
 * The budget of one limit group of one context: the calls made (exact sliding windows), the limit in force, and what
 * a 429 taught. A 429 that still arrives — another system using the same context and IP — blocks the group for its
 * Retry-After and shrinks the limit by a quarter (to at most a quarter of it); an hour without another 429 restores it.
 */
final class RateBudget {

    private static final double SHRINK = 0.75;
    private static final double FLOOR = 0.25;
    private static final long RECOVERY_MILLIS = Duration.ofHours(1).toMillis();

    private final SlidingWindowLog log;
    private Limit limit;
    private double factor = 1.0;
    private long blockedUntil;
    private long lastRateLimitedAt;
    private long lastUsedAt;

    RateBudget(Limit limit, long marginMillis) {
        this.limit = limit;
        this.log = new SlidingWindowLog(marginMillis);
    }

    /** {@code ticket}: the log's number of the first permit taken, -1 when none was. */
    record Grant(long waitMillis, long ticket) {
    }

    synchronized Grant tryAcquire(long now, int permits) {
        long wait = waitMillis(now, permits);
        if (wait != 0) {
            return new Grant(wait, -1);
        }
        lastUsedAt = now;
        return new Grant(0, log.record(now, permits));
    }

    synchronized long waitMillis(long now, int permits) {
        recover(now);
        long blocked = Math.max(0, blockedUntil - now);
        return Math.max(blocked, log.waitMillis(now, permits, effective()));
    }

    synchronized void answered(long ticket, long now) {
        log.countFrom(ticket, now);
    }

    synchronized void limit(Limit limit) {
        this.limit = limit;
    }

    synchronized void rateLimited(long now, Duration retryAfter) {
        blockedUntil = Math.max(blockedUntil, now + Math.max(1_000, retryAfter.toMillis()));
        factor = Math.max(FLOOR, factor * SHRINK);
        lastRateLimitedAt = now;
    }

    synchronized Remaining remaining(long now) {
        recover(now);
        Limit in = effective();
        return new Remaining(in, Math.max(0, in.perSecond() - log.countSince(now, 1_000)),
                Math.max(0, in.perMinute() - log.countSince(now, 60_000)),
                Math.max(0, in.perHour() - log.countSince(now, 3_600_000)), Math.max(0, blockedUntil - now));
    }

    synchronized boolean idleSince(long now, long idleMillis) {
        return now - lastUsedAt > idleMillis && blockedUntil <= now && log.isEmptyAt(now);
    }

    private Limit effective() {
        return factor < 1.0 ? limit.scaled(factor) : limit;
    }

    private void recover(long now) {
        if (factor < 1.0 && now - lastRateLimitedAt > RECOVERY_MILLIS) {
            factor = 1.0;
        }
    }
}
