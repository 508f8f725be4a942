package dev.ksefplatform.sync.submission.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ksefplatform.sync.submission.application.SubmissionQueries.TrackedSubmission;
import dev.ksefplatform.sync.submission.domain.Submission;
import java.time.Instant;

/**
 * The body CONTRACTS §4 fixes for a submission's status; {@code waiting} is present (only) while a SENT
 * submission's context holds its submissions.
 */
public record SubmissionView(String commandId, String status, String ksefNumber, Integer ksefStatusCode,
                             String invoiceNumber, String description, String sessionReferenceNumber,
                             String invoiceReferenceNumber, Instant updatedAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) WaitingView waiting) {

    static SubmissionView of(TrackedSubmission tracked) {
        Submission s = tracked.submission();
        return new SubmissionView(s.commandId(), s.status().name(), s.ksefNumber(), s.ksefStatusCode(),
                s.invoiceNumber(), s.description(), s.sessionReferenceNumber(), s.invoiceReferenceNumber(),
                s.updatedAt(), tracked.waiting().map(WaitingView::of).orElse(null));
    }
}
