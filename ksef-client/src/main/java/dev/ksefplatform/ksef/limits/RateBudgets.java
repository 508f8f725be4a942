package dev.ksefplatform.ksef.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * KSeF's rate limits per (context, client IP), kept before they bite: every call first takes permits here, and a call
 * that would exceed a sliding window is not made but told when to try again. One instance stands for one egress IP.
 *
 * <p>Hand-written rather than resilience4j's RateLimiter or bucket4j: both refill per period or per token, so at a
 * period boundary they let through up to twice the limit inside one sliding window — exactly what KSeF answers with
 * 429 and, when repeated, longer blocks. The exact log of call times is small (bounded by the hourly limits).
 */
public final class RateBudgets {

    private final Clock clock;
    private final long marginMillis;
    private final Map<Key, RateBudget> budgets = new ConcurrentHashMap<>();
    private final Map<String, Map<LimitGroup, Limit>> seeded = new ConcurrentHashMap<>();

    /** @param margin added to every window, for the spread of network delays between here and KSeF */
    public RateBudgets(Clock clock, Duration margin) {
        this.clock = clock;
        this.marginMillis = margin.toMillis();
    }

    /**
     * A grant, or when to ask again. {@code ticket}: which calls of the budget a grant's permits are, for
     * {@link #answered} (-1 when not granted).
     */
    public record Decision(boolean granted, Instant retryAt, long ticket) {
    }

    /** Takes {@code permits} of {@code group} for {@code context} if every window allows it now. */
    public Decision tryAcquire(String context, LimitGroup group, int permits) {
        return tryAcquire(context, group, null, permits);
    }

    /** As {@link #tryAcquire(String, LimitGroup, int)}; {@code endpoint} separates the counters of {@link LimitGroup#OTHER}. */
    public Decision tryAcquire(String context, LimitGroup group, String endpoint, int permits) {
        long now = clock.millis();
        RateBudget.Grant grant = budget(context, group, endpoint).tryAcquire(now, permits);
        return new Decision(grant.waitMillis() == 0, Instant.ofEpochMilli(now + grant.waitMillis()), grant.ticket());
    }

    /**
     * The call of a grant was answered now. KSeF counted it at some moment between the grant and now, so from now on
     * the budget counts it (and any call of the group granted after it, still on its way) as made now: never earlier
     * than KSeF does. Counted from its grant, a call held up on its way (a busy machine, a slow connection) by more than
     * the margin would leave a window here while KSeF still counts it in that window, and the next call would be
     * answered 429.
     */
    public void answered(String context, LimitGroup group, String endpoint, Decision grant) {
        if (grant.granted()) {
            budget(context, group, endpoint).answered(grant.ticket(), clock.millis());
        }
    }

    /** When {@code permits} could be taken, without taking them. */
    public Instant availableAt(String context, LimitGroup group, int permits) {
        long now = clock.millis();
        return Instant.ofEpochMilli(now + budget(context, group, null).waitMillis(now, permits));
    }

    /** Milliseconds until {@code permits} could be taken (0: now), without taking them. */
    public long waitMillis(String context, LimitGroup group, int permits) {
        return budget(context, group, null).waitMillis(clock.millis(), permits);
    }

    /** The limits KSeF reports for the context ({@code GET /rate-limits}); groups it does not name keep theirs. */
    public void seed(String context, Map<LimitGroup, Limit> limits) {
        Map<LimitGroup, Limit> copy = new EnumMap<>(LimitGroup.class);
        copy.putAll(limits);
        seeded.put(context, copy);
        budgets.forEach((key, budget) -> {
            if (key.context().equals(context) && copy.containsKey(key.group())) {
                budget.limit(copy.get(key.group()));
            }
        });
    }

    public boolean isSeeded(String context) {
        return seeded.containsKey(context);
    }

    /** KSeF answered 429 although the budget allowed the call: wait its Retry-After and expect less. */
    public void rateLimited(String context, LimitGroup group, String endpoint, Duration retryAfter) {
        budget(context, group, endpoint).rateLimited(clock.millis(), retryAfter);
    }

    /** What each group of the context may still do (groups never used by this context are absent). */
    public Map<LimitGroup, Remaining> remaining(String context) {
        long now = clock.millis();
        Map<LimitGroup, Remaining> remaining = new EnumMap<>(LimitGroup.class);
        budgets.forEach((key, budget) -> {
            if (key.context().equals(context) && key.endpoint() == null) {
                remaining.put(key.group(), budget.remaining(now));
            }
        });
        return remaining;
    }

    /** What one group of the context may still do now. */
    public Remaining remaining(String context, LimitGroup group) {
        return budget(context, group, null).remaining(clock.millis());
    }

    /** The contexts with a budget in memory now (as many as were active lately: {@link #evictIdle} bounds them). */
    public java.util.Set<String> contexts() {
        return budgets.keySet().stream().map(Key::context).collect(java.util.stream.Collectors.toSet());
    }

    /** Forgets contexts with no call in the last hour and {@code idle} of quiet, so memory follows the active contexts. */
    public void evictIdle(Duration idle) {
        long now = clock.millis();
        budgets.entrySet().removeIf(e -> e.getValue().idleSince(now, idle.toMillis()));
    }

    private RateBudget budget(String context, LimitGroup group, String endpoint) {
        Key key = new Key(context, group, group == LimitGroup.OTHER ? endpoint : null);
        return budgets.computeIfAbsent(key, k -> new RateBudget(limitOf(context, group), marginMillis));
    }

    private Limit limitOf(String context, LimitGroup group) {
        Map<LimitGroup, Limit> known = seeded.get(context);
        return known != null && known.containsKey(group) ? known.get(group) : group.official();
    }

    private record Key(String context, LimitGroup group, String endpoint) {
    }
}
