package dev.ksefplatform.worker.budget.application;

import dev.ksefplatform.worker.budget.domain.ContextBudget;
import java.util.List;

/** The budgets this instance's lanes hold in memory now, one per context they used lately. */
public interface BudgetSource {

    List<ContextBudget> current();
}
