package dev.ksefplatform.ksef.limits;

import java.util.Arrays;

/**
 * The exact times of the calls made in the last hour (plus a safety margin), oldest first, in a growable ring of
 * longs. A call is allowed when, in each of the three windows ending now, fewer calls than the limit were made —
 * KSeF's own sliding-window rule. Memory is bounded by the hourly limit. Not thread-safe: {@link RateBudget} guards it.
 */
final class SlidingWindowLog {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;

    private final long margin;
    private long[] times = new long[8];
    private int head;
    private int size;
    /** How many calls were ever recorded: a call's ticket is the count before it. */
    private long recorded;

    /** @param marginMillis added to every window: calls reach KSeF later, and not all after the same delay */
    SlidingWindowLog(long marginMillis) {
        this.margin = marginMillis;
    }

    /** Milliseconds until {@code permits} calls may be made at once (0: now). */
    long waitMillis(long now, int permits, Limit limit) {
        prune(now);
        return Math.max(wait(now, permits, SECOND, limit.perSecond()),
                Math.max(wait(now, permits, MINUTE, limit.perMinute()), wait(now, permits, HOUR, limit.perHour())));
    }

    /** @return the ticket of the first of these calls */
    long record(long now, int permits) {
        long ticket = recorded;
        for (int i = 0; i < permits; i++) {
            append(now);
        }
        recorded += permits;
        return ticket;
    }

    /**
     * Counts the call of {@code ticket}, and those recorded after it, as made at {@code now} if that is later (the
     * order of the log is kept). A call that already left the log (an hour ago) leaves the others as they are.
     */
    void countFrom(long ticket, long now) {
        long index = ticket - (recorded - size);
        if (index < 0) {
            return;
        }
        for (int i = (int) index; i < size; i++) {
            int slot = (head + i) % times.length;
            times[slot] = Math.max(times[slot], now);
        }
    }

    /** Calls made in the window of {@code windowMillis} ending at {@code now}. */
    int countSince(long now, long windowMillis) {
        prune(now);
        return size - firstWithin(now - windowMillis - margin);
    }

    boolean isEmptyAt(long now) {
        prune(now);
        return size == 0;
    }

    private long wait(long now, int permits, long window, int limit) {
        if (permits > limit) {
            throw new IllegalArgumentException(permits + " permits can never fit a limit of " + limit);
        }
        int first = firstWithin(now - window - margin);
        int inWindow = size - first;
        int excess = inWindow + permits - limit;
        if (excess <= 0) {
            return 0;
        }
        long oldestThatMustLeave = at(first + excess - 1);
        return oldestThatMustLeave + window + margin + 1 - now;
    }

    /** Index (0 = oldest) of the first call made after {@code since}. */
    private int firstWithin(long since) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at(mid) > since) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private void prune(long now) {
        long horizon = now - HOUR - margin;
        while (size > 0 && times[head] <= horizon) {
            head = (head + 1) % times.length;
            size--;
        }
    }

    private long at(int index) {
        return times[(head + index) % times.length];
    }

    private void append(long time) {
        if (size == times.length) {
            long[] grown = new long[times.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = at(i);
            }
            times = grown;
            head = 0;
        }
        times[(head + size) % times.length] = size > 0 ? Math.max(time, at(size - 1)) : time;
        size++;
    }

    @Override
    public String toString() {
        return "SlidingWindowLog" + Arrays.toString(Arrays.copyOf(times, Math.min(size, 4))) + "...";
    }
}
