package dev.ksefplatform.commandapi.submission.domain;

import java.time.Instant;

/** A submission's status as the read model (sync-service) knows it; only commandId and status are always set. */
public record SubmissionStatus(String commandId, SubmissionState status, String ksefNumber, Integer ksefStatusCode,
                               String invoiceNumber, String description, String sessionReferenceNumber,
                               String invoiceReferenceNumber, Instant updatedAt) {

    /** Known to the gateway but not (yet) to the read model. */
    public static SubmissionStatus pending(String commandId) {
        return new SubmissionStatus(commandId, SubmissionState.PENDING, null, null, null, null, null, null, null);
    }
}
