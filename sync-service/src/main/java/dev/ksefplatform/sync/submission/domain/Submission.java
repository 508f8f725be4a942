package dev.ksefplatform.sync.submission.domain;

import java.time.Instant;
import java.util.List;

/** The read-model row of one submitted command. */
public record Submission(String commandId, String tenantId, SubmissionStatus status, String ksefNumber,
                         Integer ksefStatusCode, String invoiceNumber, String description, List<String> details,
                         String sessionReferenceNumber, String invoiceReferenceNumber, String upoDownloadUrl,
                         String lastEventId, Instant updatedAt) {

    public Submission {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
