package dev.ksefplatform.sync.projection.domain;

import java.util.List;

/** KSeF refused the submitted invoice with a final status. */
public record SubmissionRejected(EventMeta meta, int ksefStatusCode, String description, List<String> details,
                                 String invoiceNumber, String sessionReferenceNumber,
                                 String invoiceReferenceNumber) implements SyncEvent {

    public SubmissionRejected {
        details = List.copyOf(details);
    }
}
