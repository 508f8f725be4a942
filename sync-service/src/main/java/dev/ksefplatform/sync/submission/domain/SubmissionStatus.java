package dev.ksefplatform.sync.submission.domain;

/**
 * Status of a submission as the read model holds it; PENDING is implied by the absence of a row. The rank orders
 * how far a submission got: a status never gives way to one of a lower rank, and KSeF's verdicts (the top rank)
 * are final. FAILED is the platform's own and yields to a later verdict (and, in {@link SubmissionFold}, to a SENT that happened
 * after it: the command was taken again); SENT yields to anything.
 */
public enum SubmissionStatus {
    SENT(0), FAILED(1), ACCEPTED(2), REJECTED(2), DUPLICATE(2);

    private final int rank;

    SubmissionStatus(int rank) {
        this.rank = rank;
    }

    public boolean isKsefVerdict() {
        return rank == 2;
    }

    /** Whether a row in this status may be replaced by one in {@code next}. */
    public boolean yieldsTo(SubmissionStatus next) {
        return next.rank > rank || (next == SENT && this == SENT);
    }
}
