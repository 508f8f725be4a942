package dev.ksefplatform.sync.submission.domain;

import java.time.Instant;
import java.util.List;

/**
 * The read-model row of one submitted command; {@code contextNip} is the KSeF context it was sent in;
 * {@code createdAt} is when the first event of it folded happened (the list's order: it never moves).
 */
public record Submission(String commandId, String tenantId, String contextNip, SubmissionStatus status,
                         String ksefNumber, Integer ksefStatusCode, String invoiceNumber, String description,
                         List<String> details, String sessionReferenceNumber, String invoiceReferenceNumber,
                         String upoDownloadUrl, String lastEventId, Instant updatedAt, Instant createdAt) {

    public Submission {
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** This row, with what it leaves unknown taken from the row it replaces (a verdict keeps the session of its SENT). */
    Submission completedFrom(Submission earlier) {
        return new Submission(commandId, tenantId, or(contextNip, earlier.contextNip), status, ksefNumber,
                ksefStatusCode, or(invoiceNumber, earlier.invoiceNumber), description, details,
                or(sessionReferenceNumber, earlier.sessionReferenceNumber),
                or(invoiceReferenceNumber, earlier.invoiceReferenceNumber), upoDownloadUrl, lastEventId, updatedAt,
                earlier.createdAt);
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
