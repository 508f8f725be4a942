package dev.ksefplatform.simulator.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sliding one-second, one-minute and one-hour windows per counter key. */
final class SlidingWindows {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;

    private final Map<String, Deque<Long>> hits = new ConcurrentHashMap<>();

    /** Counts the request and returns empty, or returns how long to wait when a window is full. */
    Optional<Duration> acquire(String key, Limits limits, long nowMillis) {
        Deque<Long> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= nowMillis - HOUR) {
                times.pollFirst();
            }
            long wait = Math.max(wait(times, limits.perSecond(), SECOND, nowMillis),
                    Math.max(wait(times, limits.perMinute(), MINUTE, nowMillis), wait(times, limits.perHour(), HOUR, nowMillis)));
            if (wait > 0) {
                return Optional.of(Duration.ofMillis(wait));
            }
            times.addLast(nowMillis);
            return Optional.empty();
        }
    }

    void clear() {
        hits.clear();
    }

    /** Time until the oldest hit inside a full window leaves it; 0 when the window has room. */
    private static long wait(Deque<Long> times, int limit, long window, long now) {
        if (limit <= 0) {
            return 0;
        }
        int inside = 0;
        long oldestInside = now;
        for (Iterator<Long> it = times.descendingIterator(); it.hasNext(); ) {
            long t = it.next();
            if (t <= now - window) {
                break;
            }
            inside++;
            oldestInside = t;
        }
        return inside < limit ? 0 : oldestInside + window - now;
    }
}
