package dev.ksefplatform.support.projection.application;

import java.util.ArrayList;
import java.util.List;

/** What projecting one batch did: records newly applied, records an earlier delivery had applied, and poison skipped. */
public record BatchOutcome(int applied, int alreadyApplied, List<Poisoned> poison) {

    public BatchOutcome {
        poison = List.copyOf(poison);
    }

    public static BatchOutcome empty() {
        return new BatchOutcome(0, 0, List.of());
    }

    public BatchOutcome plus(BatchOutcome other) {
        List<Poisoned> all = new ArrayList<>(poison);
        all.addAll(other.poison);
        return new BatchOutcome(applied + other.applied, alreadyApplied + other.alreadyApplied, all);
    }
}
