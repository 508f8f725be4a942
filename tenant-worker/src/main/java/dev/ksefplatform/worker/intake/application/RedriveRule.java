package dev.ksefplatform.worker.intake.application;

/**
 * The worker's rule for a re-driven command: it runs again only if this worker dead-lettered it and nothing of it
 * was ever sent to KSeF. Whatever else the rows say — finished with any other outcome, still running, sent once, no
 * record at all (refused as it came: the same bytes would be refused the same way), another tenant's — it is refused,
 * so a re-drive can never make an invoice reach KSeF twice.
 */
public final class RedriveRule {

    static final String PREFIX = "re-drive refused: ";

    private RedriveRule() {
    }

    public static RedriveDecision decide(Redrive redrive, PreviousRun previous) {
        String id = redrive.commandId();
        if (previous == null) {
            return refuse("the worker has no record of command " + id + " after intake (a command refused as it came "
                    + "is refused the same way again): correct it at its source and send it anew");
        }
        if (!previous.tenantId().equals(redrive.tenantId())) {
            return refuse("command " + id + " belongs to another tenant");
        }
        if (redrive.redriveOf().equals(previous.redriveOf())) {
            return new RedriveDecision.Skip();
        }
        if (!PreviousRun.DEAD_LETTERED.equals(previous.outcome())) {
            return refuse("command " + id + (previous.outcome() != null ? " already ended " + previous.outcome()
                    : " is still " + previous.state()) + "; a command never runs twice");
        }
        if (previous.everSent()) {
            return refuse("command " + id + " was sent to KSeF before it was dead-lettered");
        }
        return new RedriveDecision.Take();
    }

    private static RedriveDecision refuse(String why) {
        return new RedriveDecision.Refuse(PREFIX + why);
    }
}
