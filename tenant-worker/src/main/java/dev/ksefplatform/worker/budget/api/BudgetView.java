package dev.ksefplatform.worker.budget.api;

import dev.ksefplatform.worker.budget.domain.BudgetSnapshot;
import dev.ksefplatform.worker.budget.domain.GroupBudget;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A context's budget snapshot over the internal API; {@code waitingUntil} is the latest {@code blockedUntil} of its
 * groups (a 429's Retry-After still running), null when KSeF blocks nothing.
 */
public record BudgetView(String environment, String nip, Instant takenAt, boolean rested, Instant waitingUntil,
                         List<GroupBudget> groups) {

    static BudgetView of(BudgetSnapshot snapshot) {
        List<GroupBudget> groups = snapshot.budget().groups();
        Instant waiting = groups.stream().map(GroupBudget::blockedUntil).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        return new BudgetView(snapshot.budget().environment(), snapshot.budget().nip(), snapshot.takenAt(),
                snapshot.rested(), waiting, groups);
    }
}
