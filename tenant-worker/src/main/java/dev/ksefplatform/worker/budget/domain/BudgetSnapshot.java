package dev.ksefplatform.worker.budget.domain;

import java.time.Instant;

/** A context's budget as last written by the worker instance that runs it, and when ({@code rested}: no calls lately). */
public record BudgetSnapshot(ContextBudget budget, Instant takenAt, boolean rested) {
}
