package dev.ksefplatform.commandapi.submission.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ksefplatform.commandapi.submission.domain.SubmissionState;
import dev.ksefplatform.commandapi.submission.domain.SubmissionStatus;
import java.time.Instant;

/** CONTRACTS.md §4 status body; fields the read model has not filled are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InvoiceStatusResponse(String commandId, SubmissionState status, String ksefNumber, Integer ksefStatusCode,
                             String invoiceNumber, String description, String sessionReferenceNumber,
                             String invoiceReferenceNumber, Instant updatedAt) {

    static InvoiceStatusResponse of(SubmissionStatus s) {
        return new InvoiceStatusResponse(s.commandId(), s.status(), s.ksefNumber(), s.ksefStatusCode(), s.invoiceNumber(),
                s.description(), s.sessionReferenceNumber(), s.invoiceReferenceNumber(), s.updatedAt());
    }
}
