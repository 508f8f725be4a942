package dev.ksefplatform.worker.submission.domain;

/** The pure rule turning KSeF's final invoice status into the submission's outcome. */
public final class SubmissionOutcomes {

    static final int ACCEPTED = 200;
    static final int DUPLICATE = 440;
    static final String ORIGINAL_KSEF_NUMBER = "originalKsefNumber";
    static final String ORIGINAL_SESSION = "originalSessionReferenceNumber";

    private SubmissionOutcomes() {
    }

    /**
     * @param status       a final status (not 100/150)
     * @param invoiceNumber the command's P_2, used when KSeF does not echo it
     */
    public static SubmissionOutcome of(FinalInvoiceStatus status, String invoiceNumber) {
        String number = status.invoiceNumber() != null ? status.invoiceNumber() : invoiceNumber;
        if (status.code() == ACCEPTED && status.ksefNumber() != null) {
            return new SubmissionOutcome.Accepted(status.ksefNumber(), number, status.invoiceHash(),
                    status.sessionReferenceNumber(), status.invoiceReferenceNumber(), status.acquisitionDate(),
                    status.upoDownloadUrl());
        }
        String original = status.extensions().get(ORIGINAL_KSEF_NUMBER);
        if (status.code() == DUPLICATE && original != null) {
            return new SubmissionOutcome.Duplicate(original, status.extensions().get(ORIGINAL_SESSION), number,
                    status.sessionReferenceNumber(), status.invoiceReferenceNumber());
        }
        return new SubmissionOutcome.Rejected(status.code(), describe(status), status.details(), number,
                status.sessionReferenceNumber(), status.invoiceReferenceNumber());
    }

    private static String describe(FinalInvoiceStatus status) {
        return status.description() == null ? "KSeF status " + status.code() : status.description();
    }
}
