package dev.ksefplatform.worker.intake.application;

/** What becomes of a re-driven command. */
public sealed interface RedriveDecision {

    /** Queued again, as if it had just arrived. */
    record Take() implements RedriveDecision {
    }

    /** This very re-drive was taken already (the record delivered again): nothing to do. */
    record Skip() implements RedriveDecision {
    }

    /** Not run: a new dead letter says why. */
    record Refuse(String reason) implements RedriveDecision {
    }
}
