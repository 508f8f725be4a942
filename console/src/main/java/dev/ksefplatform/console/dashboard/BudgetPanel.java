package dev.ksefplatform.console.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The "KSeF budget" panel: what the tenant's context may still send, in the groups a person acts through (sending
 * invoices, opening sessions, batches, inbox exports), and until when KSeF's limit holds it back. {@code notSeen}:
 * the platform has not called KSeF for the context yet, so its whole limit is there.
 */
public record BudgetPanel(boolean notSeen, List<BudgetLine> lines, Object waitingUntil, Object takenAt) {

    /** The groups shown, in this order; the rest (status polls, listings) is the platform's business, not the tenant's. */
    static final List<String> GROUPS = List.of("invoiceSend", "onlineSession", "batchSession", "invoiceExport");

    static BudgetPanel notSeenYet() {
        return new BudgetPanel(true, List.of(), null, null);
    }

    static BudgetPanel of(Map<?, ?> budget) {
        List<BudgetLine> lines = budget.get("groups") instanceof List<?> groups ? groups.stream()
                .filter(Map.class::isInstance).map(g -> BudgetLine.of((Map<?, ?>) g))
                .filter(line -> GROUPS.contains(line.group()))
                .sorted(Comparator.comparingInt(line -> GROUPS.indexOf(line.group()))).toList() : List.of();
        return new BudgetPanel(false, lines, budget.get("waitingUntil"), budget.get("takenAt"));
    }
}
