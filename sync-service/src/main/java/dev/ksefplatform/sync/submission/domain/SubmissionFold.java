package dev.ksefplatform.sync.submission.domain;

import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.SubmissionAccepted;
import dev.ksefplatform.sync.projection.domain.SubmissionDuplicate;
import dev.ksefplatform.sync.projection.domain.SubmissionFailed;
import dev.ksefplatform.sync.projection.domain.SubmissionRejected;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.List;
import java.util.Optional;

/**
 * Folds submission events into the submission row. A KSeF verdict is final: a later event (a
 * redelivery, a late abandonment, a duplicate report of our own retry) never replaces it.
 */
public final class SubmissionFold {

    private SubmissionFold() {
    }

    /** Whether the event is one this fold reacts to. */
    public static boolean concerns(SyncEvent event) {
        return event instanceof SubmissionAccepted || event instanceof SubmissionRejected
                || event instanceof SubmissionDuplicate || event instanceof SubmissionFailed;
    }

    /** The new row, or the current one unchanged when the event must not change it. */
    public static Optional<Submission> evolve(Optional<Submission> current, SyncEvent event) {
        Optional<Submission> next = toRow(event);
        if (current.isEmpty() || next.isEmpty()) {
            return next.or(() -> current);
        }
        return Optional.of(keepOrReplace(current.get(), next.get()));
    }

    private static Submission keepOrReplace(Submission current, Submission next) {
        boolean foreignTenant = !current.tenantId().equals(next.tenantId());
        boolean replayed = current.lastEventId().equals(next.lastEventId());
        boolean upgradesFailure = !current.status().isKsefVerdict() && next.status().isKsefVerdict();
        return foreignTenant || replayed || !upgradesFailure ? current : next;
    }

    private static Optional<Submission> toRow(SyncEvent event) {
        if (event instanceof SubmissionAccepted e) {
            return Optional.of(row(e.meta(), SubmissionStatus.ACCEPTED, e.ksefNumber(), e.ksefStatusCode(),
                    e.invoiceNumber(), null, List.of(), e.sessionReferenceNumber(), e.invoiceReferenceNumber(),
                    e.upoDownloadUrl()));
        }
        if (event instanceof SubmissionRejected e) {
            return Optional.of(row(e.meta(), SubmissionStatus.REJECTED, null, e.ksefStatusCode(), e.invoiceNumber(),
                    e.description(), e.details(), e.sessionReferenceNumber(), e.invoiceReferenceNumber(), null));
        }
        if (event instanceof SubmissionDuplicate e) {
            return Optional.of(row(e.meta(), SubmissionStatus.DUPLICATE, e.originalKsefNumber(), e.ksefStatusCode(),
                    e.invoiceNumber(), null, List.of(), e.sessionReferenceNumber(), e.invoiceReferenceNumber(), null));
        }
        if (event instanceof SubmissionFailed e) {
            return Optional.of(row(e.meta(), SubmissionStatus.FAILED, null, null, e.invoiceNumber(), e.reason(),
                    List.of(), null, null, null));
        }
        return Optional.empty();
    }

    private static Submission row(EventMeta meta, SubmissionStatus status, String ksefNumber, Integer code,
                                  String invoiceNumber, String description, List<String> details,
                                  String sessionReference, String invoiceReference, String upoUrl) {
        return new Submission(meta.correlationId(), meta.tenantId(), status, ksefNumber, code, invoiceNumber,
                description, details, sessionReference, invoiceReference, upoUrl, meta.eventId(), meta.occurredAt());
    }
}
