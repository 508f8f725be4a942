package dev.ksefplatform.worker.engine.adapter.ksef;

import io.micrometer.core.instrument.MeterRegistry;
import dev.ksefplatform.ksef.limits.LimitGroup;
import dev.ksefplatform.ksef.limits.RateBudgets;
import dev.ksefplatform.ksef.limits.Remaining;
import dev.ksefplatform.worker.engine.application.KsefBudget;
import dev.ksefplatform.worker.engine.domain.Budgets;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@link KsefBudget} over ksef-client's {@link RateBudgets}: the lane's limits as KSeF names them. A call is made on the
 * thread that took its permits; when the client tells of its answer ({@link #answered}), the permits that thread took
 * count from that moment, never before KSeF counted the call.
 */
public class RateBudgetsAdapter implements KsefBudget {

    /** More permits than a step takes before its calls; older ones are left counted from when they were taken. */
    private static final int MAX_UNANSWERED = 16;

    private final RateBudgets budgets;
    private final BudgetSeeding seeding;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ThreadLocal<Deque<Taken>> unanswered = ThreadLocal.withInitial(ArrayDeque::new);

    public RateBudgetsAdapter(RateBudgets budgets, BudgetSeeding seeding, Clock clock, MeterRegistry registry) {
        this.registry = registry;
        this.budgets = budgets;
        this.seeding = seeding;
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(LaneKey lane, KsefLimit limit, int permits) {
        RateBudgets.Decision decision = budgets.tryAcquire(lane.budgetContext(), group(limit), endpoint(limit), permits);
        boolean granted = decision.granted();
        if (granted) {
            Deque<Taken> taken = unanswered.get();
            taken.addLast(new Taken(lane.budgetContext(), group(limit), endpoint(limit), decision));
            if (taken.size() > MAX_UNANSWERED) {
                taken.removeFirst();
            }
            // every call to KSeF takes its permits first: the count of calls by group
            registry.counter("ksef.worker.ksef.calls", "group", group(limit).wireName()).increment(permits);
        }
        return granted;
    }

    /** A KSeF call made on this thread was answered (or failed): the permits the thread took before it count from now. */
    public void answered() {
        Deque<Taken> taken = unanswered.get();
        for (Taken call = taken.pollFirst(); call != null; call = taken.pollFirst()) {
            budgets.answered(call.context(), call.group(), call.endpoint(), call.grant());
        }
    }

    @Override
    public Budgets view(LaneKey lane) {
        String context = lane.budgetContext();
        return new Budgets() {
            @Override
            public Instant availableAt(KsefLimit limit, int permits) {
                long wait = budgets.waitMillis(context, group(limit), permits);
                // "now" as the policy's own clock reading sees it: never a moment after it
                return wait == 0 ? Instant.MIN : clock.instant().plusMillis(wait);
            }

            @Override
            public Capacity capacity(KsefLimit limit) {
                Remaining remaining = budgets.remaining(context, group(limit));
                return new Capacity(remaining.minute(), remaining.hour(), remaining.limit().perMinute(),
                        remaining.limit().perHour());
            }
        };
    }

    @Override
    public void throttled(LaneKey lane, KsefLimit limit, Duration retryAfter) {
        LimitGroup group = limit == null ? LimitGroup.OTHER : group(limit);
        registry.counter("ksef.worker.rate.limited", "group", group.wireName()).increment();
        budgets.rateLimited(lane.budgetContext(), group, limit == null ? "unknown" : endpoint(limit), retryAfter);
    }

    @Override
    public boolean needsSeed(LaneKey lane) {
        return seeding.needsSeed(lane);
    }

    static LimitGroup group(KsefLimit limit) {
        switch (limit) {
            case ONLINE_SESSION:
                return LimitGroup.ONLINE_SESSION;
            case INVOICE_SEND:
                return LimitGroup.INVOICE_SEND;
            case BATCH_SESSION:
                return LimitGroup.BATCH_SESSION;
            case INVOICE_STATUS:
                return LimitGroup.INVOICE_STATUS;
            case SESSION_INVOICE_LIST:
                return LimitGroup.SESSION_INVOICE_LIST;
            case SESSION_MISC:
                return LimitGroup.SESSION_MISC;
            case INVOICE_EXPORT:
                return LimitGroup.INVOICE_EXPORT;
            case INVOICE_EXPORT_STATUS:
                return LimitGroup.INVOICE_EXPORT_STATUS;
            default:
                return LimitGroup.OTHER;
        }
    }

    private static String endpoint(KsefLimit limit) {
        return limit == KsefLimit.RATE_LIMITS_QUERY ? BudgetSeeding.ENDPOINT : null;
    }

    private record Taken(String context, LimitGroup group, String endpoint, RateBudgets.Decision grant) {
    }
}
