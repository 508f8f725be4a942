package dev.ksefplatform.worker.engine.domain;

import java.time.Instant;

/** The one thing a lane does next. Each step makes at most a handful of KSeF calls, so lanes take turns fairly. */
public sealed interface Step {

    /** Nothing to do before {@code until}; {@code blockedBy} names the exhausted budget, if that is why. */
    record Sleep(Instant until, KsefLimit blockedBy) implements Step {
    }

    /** Look up sends whose answer was lost, and batches an earlier incarnation left. */
    record Recover() implements Step {
    }

    record OpenOnline() implements Step {
    }

    record SendOnline(int invoices) implements Step {
    }

    record PollVerdicts(int invoices) implements Step {
    }

    record CloseOnline(String referenceNumber) implements Step {
    }

    record CloseOrphan(String referenceNumber) implements Step {
    }

    record StartBatch(int invoices) implements Step {
    }

    record CloseBatch() implements Step {
    }

    record CheckBatch(String referenceNumber) implements Step {
    }
}
