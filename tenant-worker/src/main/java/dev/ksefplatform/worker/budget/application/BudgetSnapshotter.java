package dev.ksefplatform.worker.budget.application;

import dev.ksefplatform.worker.budget.domain.ContextBudget;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what changed in this instance's budgets since its last write, off the lanes' path: one statement per tick,
 * whatever the number of KSeF calls. A context the budgets forgot (quiet for a while, every window empty) is written
 * once more as rested, so its snapshot does not keep showing the calls of an hour ago.
 */
public final class BudgetSnapshotter {

    private final BudgetSource source;
    private final BudgetSnapshots snapshots;
    private final String instanceId;
    private final Clock clock;
    private Map<String, ContextBudget> written = Map.of();

    public BudgetSnapshotter(BudgetSource source, BudgetSnapshots snapshots, String instanceId, Clock clock) {
        this.source = source;
        this.snapshots = snapshots;
        this.instanceId = instanceId;
        this.clock = clock;
    }

    /** One write of the changed budgets; the state written is kept only once the write succeeded. */
    public synchronized void tick() {
        Map<String, ContextBudget> now = new HashMap<>();
        source.current().forEach(budget -> now.put(budget.key(), budget));
        List<ContextBudget> live = now.values().stream().filter(b -> !b.equals(written.get(b.key()))).toList();
        List<ContextBudget> rested = new ArrayList<>();
        written.forEach((key, budget) -> {
            if (!now.containsKey(key)) {
                rested.add(budget.rested());
            }
        });
        if (!live.isEmpty() || !rested.isEmpty()) {
            snapshots.save(live, rested, instanceId, clock.instant());
        }
        written = Map.copyOf(now);
    }
}
