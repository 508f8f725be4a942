package dev.ksefplatform.sync.document.application;

/** The submission is the tenant's, but the document asked for is not stored (yet). */
public final class DocumentNotAvailable extends RuntimeException {

    private final String problemType;

    public DocumentNotAvailable(String problemType, String detail) {
        super(detail);
        this.problemType = problemType;
    }

    public String problemType() {
        return problemType;
    }
}
