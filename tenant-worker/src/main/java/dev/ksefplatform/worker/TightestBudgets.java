package dev.ksefplatform.worker;

import dev.ksefplatform.ksef.limits.LimitGroup;
import dev.ksefplatform.ksef.limits.RateBudgets;
import dev.ksefplatform.ksef.limits.Remaining;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which contexts the budget gauge labels when more are active than it may label: those with the least left in any
 * limit group (ties by name), so the tightest budgets a dashboard or an operator looks for are always exported,
 * however many tenants are active.
 */
final class TightestBudgets {

    private TightestBudgets() {
    }

    static List<String> of(RateBudgets budgets, int max) {
        return budgets.contexts().stream()
                .map(context -> Map.entry(context, lowest(budgets.remaining(context))))
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(max).map(Map.Entry::getKey).toList();
    }

    private static int lowest(Map<LimitGroup, Remaining> remaining) {
        return remaining.values().stream().map(Remaining::now).min(Comparator.naturalOrder()).orElse(Integer.MAX_VALUE);
    }
}
