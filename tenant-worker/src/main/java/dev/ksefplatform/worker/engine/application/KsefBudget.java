package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.Budgets;
import dev.ksefplatform.worker.engine.domain.KsefLimit;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Duration;

/** The per-(context, IP) KSeF budget every call of the worker passes first. */
public interface KsefBudget {

    /** Takes the permits if every sliding window allows them now. */
    boolean tryAcquire(LaneKey lane, KsefLimit limit, int permits);

    /** The lane's budget as its policy reads it. */
    Budgets view(LaneKey lane);

    /** KSeF answered 429 although the budget allowed the call. */
    void throttled(LaneKey lane, KsefLimit limit, Duration retryAfter);

    /** Whether the context's limits should be (re)read from {@code GET /rate-limits}. */
    boolean needsSeed(LaneKey lane);
}
