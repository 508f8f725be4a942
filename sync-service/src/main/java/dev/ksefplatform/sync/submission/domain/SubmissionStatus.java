package dev.ksefplatform.sync.submission.domain;

/** Status of a submission as the read model holds it; PENDING is implied by the absence of a row. */
public enum SubmissionStatus {
    ACCEPTED, REJECTED, DUPLICATE, FAILED;

    /** KSeF's own verdicts are final; FAILED is the platform's and yields to a later KSeF verdict. */
    public boolean isKsefVerdict() {
        return this != FAILED;
    }
}
