package dev.ksefplatform.sync.submission.application;

/** No submission of this tenant has that command id (another tenant's row is not disclosed). */
public final class SubmissionNotFound extends RuntimeException {

    public SubmissionNotFound(String commandId) {
        super("no settled submission " + commandId);
    }
}
