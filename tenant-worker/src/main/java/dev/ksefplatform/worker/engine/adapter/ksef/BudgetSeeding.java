package dev.ksefplatform.worker.engine.adapter.ksef;

import dev.ksefplatform.ksef.client.RateLimits;
import dev.ksefplatform.ksef.limits.Limit;
import dev.ksefplatform.ksef.limits.LimitGroup;
import dev.ksefplatform.ksef.limits.RateBudgets;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Seeds a context's budget from {@code GET /rate-limits} at its first use and refreshes it periodically (KSeF may
 * change limits per context, e.g. raised on request); the query itself passes its own budget ("other" group).
 */
public class BudgetSeeding {

    static final String ENDPOINT = "GET /rate-limits";

    private final RateBudgets budgets;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, Instant> seededAt = new ConcurrentHashMap<>();

    public BudgetSeeding(RateBudgets budgets, Duration refresh, Clock clock) {
        this.budgets = budgets;
        this.refresh = refresh;
        this.clock = clock;
    }

    boolean needsSeed(LaneKey lane) {
        Instant at = seededAt.get(lane.budgetContext());
        return at == null || at.plus(refresh).isBefore(clock.instant());
    }

    void seed(LaneKey lane, Supplier<RateLimits> query) {
        String context = lane.budgetContext();
        seededAt.put(context, clock.instant());
        if (!budgets.tryAcquire(context, LimitGroup.OTHER, ENDPOINT, 1).granted()) {
            return;
        }
        Map<LimitGroup, Limit> limits = new EnumMap<>(LimitGroup.class);
        query.get().byGroup().forEach((name, limit) -> LimitGroup.ofWireName(name).ifPresent(group ->
                limits.put(group, new Limit(Math.max(1, limit.perSecond()), Math.max(1, limit.perMinute()),
                        Math.max(1, limit.perHour())))));
        budgets.seed(context, limits);
    }
}
