package dev.ksefplatform.commandapi.submission.application;

/** The tenant's command has no such document (yet): not accepted, or its UPO not fetched yet. */
public final class DocumentNotAvailable extends RuntimeException {

    private final SubmissionDocument.Kind kind;

    public DocumentNotAvailable(SubmissionDocument.Kind kind, String commandId) {
        super("command " + commandId + ": " + kind.notYet());
        this.kind = kind;
    }

    public SubmissionDocument.Kind kind() {
        return kind;
    }
}
