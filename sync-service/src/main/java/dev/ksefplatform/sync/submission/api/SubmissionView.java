package dev.ksefplatform.sync.submission.api;

import dev.ksefplatform.sync.submission.domain.Submission;
import java.time.Instant;

/** The body CONTRACTS §4 fixes for a submission's status. */
public record SubmissionView(String commandId, String status, String ksefNumber, Integer ksefStatusCode,
                             String invoiceNumber, String description, String sessionReferenceNumber,
                             String invoiceReferenceNumber, Instant updatedAt) {

    static SubmissionView of(Submission s) {
        return new SubmissionView(s.commandId(), s.status().name(), s.ksefNumber(), s.ksefStatusCode(),
                s.invoiceNumber(), s.description(), s.sessionReferenceNumber(), s.invoiceReferenceNumber(),
                s.updatedAt());
    }
}
