package dev.ksefplatform.worker.budget.adapter.ksef;

import dev.ksefplatform.ksef.limits.LimitGroup;
import dev.ksefplatform.ksef.limits.RateBudgets;
import dev.ksefplatform.ksef.limits.Remaining;
import dev.ksefplatform.worker.budget.application.BudgetSource;
import dev.ksefplatform.worker.budget.domain.ContextBudget;
import dev.ksefplatform.worker.budget.domain.GroupBudget;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@link BudgetSource} over the lanes' {@link RateBudgets} (contexts keyed {@code environment/nip}). */
public final class RateBudgetsSource implements BudgetSource {

    private final RateBudgets budgets;
    private final Clock clock;

    public RateBudgetsSource(RateBudgets budgets, Clock clock) {
        this.budgets = budgets;
        this.clock = clock;
    }

    @Override
    public List<ContextBudget> current() {
        return budgets.contexts().stream().filter(context -> context.contains("/")).map(this::budgetOf)
                .filter(budget -> !budget.groups().isEmpty()).toList();
    }

    private ContextBudget budgetOf(String context) {
        String[] parts = context.split("/", 2);
        Instant now = clock.instant();
        List<GroupBudget> groups = budgets.remaining(context).entrySet().stream()
                .filter(entry -> entry.getKey() != LimitGroup.AUTH)
                .map(entry -> group(context, entry, now)).toList();
        return new ContextBudget(parts[0], parts[1], groups);
    }

    private GroupBudget group(String context, Map.Entry<LimitGroup, Remaining> entry, Instant now) {
        Remaining left = entry.getValue();
        long wait = budgets.waitMillis(context, entry.getKey(), 1);
        return new GroupBudget(entry.getKey().wireName(), left.limit().perSecond(), left.limit().perMinute(),
                left.limit().perHour(), left.second(), left.minute(), left.hour(),
                wait > 0 ? truncated(now.plusMillis(wait)) : null,
                left.blockedMillis() > 0 ? truncated(now.plusMillis(left.blockedMillis())) : null);
    }

    /** Whole seconds: a wait recomputed each tick then compares equal, so an unchanged budget is not written again. */
    private static Instant truncated(Instant at) {
        return Instant.ofEpochSecond(at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0));
    }
}
