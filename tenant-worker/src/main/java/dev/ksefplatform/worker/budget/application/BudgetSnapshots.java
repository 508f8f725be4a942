package dev.ksefplatform.worker.budget.application;

import dev.ksefplatform.worker.budget.domain.BudgetSnapshot;
import dev.ksefplatform.worker.budget.domain.ContextBudget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The snapshots every instance writes and any instance reads (the worker's own schema). */
public interface BudgetSnapshots {

    /**
     * Upserts {@code live} and {@code rested} budgets in one statement, as taken by {@code instanceId} at
     * {@code takenAt}; a rested budget replaces only a row this instance wrote (another instance may run it now).
     */
    void save(List<ContextBudget> live, List<ContextBudget> rested, String instanceId, Instant takenAt);

    Optional<BudgetSnapshot> find(String environment, String nip);
}
