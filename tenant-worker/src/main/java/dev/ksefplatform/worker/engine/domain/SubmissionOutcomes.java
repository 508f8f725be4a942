package dev.ksefplatform.worker.engine.domain;

/**
 * The pure rules turning KSeF's final invoice status into the submission's outcome, including the one that keeps a
 * crash from showing a tenant {@code DUPLICATE} for its own invoice: a 440 whose original is this command's own earlier
 * send (confirmed by the caller: same context, a session this command may have reached, the same invoice hash) is the
 * acceptance KSeF already gave it.
 */
public final class SubmissionOutcomes {

    private SubmissionOutcomes() {
    }

    /**
     * @param status        a final status (not 100/150)
     * @param invoiceNumber the command's P_2, used when KSeF does not echo it
     */
    public static SubmissionOutcome of(FinalInvoiceStatus status, String invoiceNumber) {
        return of(status, invoiceNumber, status.invoiceHash());
    }

    /** As {@link #of(FinalInvoiceStatus, String)}, with the hash the platform computed when KSeF's answer lacks it. */
    public static SubmissionOutcome of(FinalInvoiceStatus status, String invoiceNumber, String invoiceHash) {
        String number = status.invoiceNumber() != null ? status.invoiceNumber() : invoiceNumber;
        String hash = status.invoiceHash() != null ? status.invoiceHash() : invoiceHash;
        if (status.code() == FinalInvoiceStatus.ACCEPTED && status.ksefNumber() != null) {
            return new SubmissionOutcome.Accepted(status.ksefNumber(), number, hash,
                    status.sessionReferenceNumber(), status.invoiceReferenceNumber(), status.acquisitionDate(),
                    status.upoDownloadUrl());
        }
        if (status.isDuplicate()) {
            return new SubmissionOutcome.Duplicate(status.originalKsefNumber(), status.originalSessionReferenceNumber(),
                    number, status.sessionReferenceNumber(), status.invoiceReferenceNumber());
        }
        return new SubmissionOutcome.Rejected(status.code(), describe(status), status.details(), number,
                status.sessionReferenceNumber(), status.invoiceReferenceNumber());
    }

    /** Whether a 440 may be this command's own earlier send: its original is in a session the command may have reached. */
    public static boolean mayBeOwnEarlierSend(FinalInvoiceStatus status, InFlightInvoice invoice) {
        return status.isDuplicate() && status.originalSessionReferenceNumber() != null
                && invoice.earlierSessions().contains(status.originalSessionReferenceNumber());
    }

    /** The acceptance KSeF gave this command's own earlier send, which a 440 revealed. */
    public static SubmissionOutcome.Accepted ownEarlierSend(FinalInvoiceStatus duplicate, String originalInvoiceRef,
                                                            String invoiceNumber, String invoiceHash) {
        return new SubmissionOutcome.Accepted(duplicate.originalKsefNumber(), invoiceNumber, invoiceHash,
                duplicate.originalSessionReferenceNumber(), originalInvoiceRef, null, null);
    }

    private static String describe(FinalInvoiceStatus status) {
        return status.description() == null ? "KSeF status " + status.code() : status.description();
    }
}
