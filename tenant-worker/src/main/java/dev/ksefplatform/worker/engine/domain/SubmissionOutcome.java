package dev.ksefplatform.worker.engine.domain;

import java.time.Instant;
import java.util.List;

/** How a submission ended; exactly one per command. */
public sealed interface SubmissionOutcome extends WorkerEvent.Payload {

    record Accepted(String ksefNumber, String invoiceNumber, String invoiceHash, String sessionReferenceNumber,
                    String invoiceReferenceNumber, Instant acquiredAt, String upoDownloadUrl)
            implements SubmissionOutcome {
    }

    record Rejected(int ksefStatusCode, String description, List<String> details, String invoiceNumber,
                    String sessionReferenceNumber, String invoiceReferenceNumber) implements SubmissionOutcome {

        public Rejected {
            details = details == null ? List.of() : List.copyOf(details);
        }
    }

    record Duplicate(String originalKsefNumber, String originalSessionReferenceNumber, String invoiceNumber,
                     String sessionReferenceNumber, String invoiceReferenceNumber) implements SubmissionOutcome {
    }

    /** The platform gave up without a final KSeF status: a refusal no waiting can mend. */
    record Abandoned(String reason, int attempts, String invoiceNumber) implements SubmissionOutcome {
    }
}
