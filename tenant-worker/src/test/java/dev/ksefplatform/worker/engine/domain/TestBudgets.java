package dev.ksefplatform.worker.engine.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** A lane's budget as a test sets it: every limit free now with a given minute and hour left, unless told. */
final class TestBudgets implements Budgets {

    private final Instant now;
    private final Capacity otherwise;
    private final Map<KsefLimit, Instant> blocked = new EnumMap<>(KsefLimit.class);
    private final Map<KsefLimit, Capacity> capacity = new EnumMap<>(KsefLimit.class);

    /** The official list budget's minute and hour left for every limit not told otherwise. */
    TestBudgets(Instant now) {
        this(now, new Capacity(20, 200, 20, 200));
    }

    TestBudgets(Instant now, Capacity otherwise) {
        this.now = now;
        this.otherwise = otherwise;
    }

    void blocked(KsefLimit limit, Instant until) {
        blocked.put(limit, until);
    }

    void capacity(KsefLimit limit, Capacity value) {
        capacity.put(limit, value);
    }

    @Override
    public Instant availableAt(KsefLimit limit, int permits) {
        return blocked.getOrDefault(limit, now);
    }

    @Override
    public Capacity capacity(KsefLimit limit) {
        return capacity.getOrDefault(limit, otherwise);
    }
}
