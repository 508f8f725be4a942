package dev.ksefplatform.worker.engine.domain;

import java.time.Instant;
import java.util.List;

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

    /**
     * @param invoices at most this many verdicts asked one by one
     * @param listed   the sessions whose list is read instead ({@link VerdictChoice}, decided once by the policy)
     */
    record PollVerdicts(int invoices, List<String> listed) implements Step {

        public PollVerdicts {
            listed = List.copyOf(listed);
        }
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
