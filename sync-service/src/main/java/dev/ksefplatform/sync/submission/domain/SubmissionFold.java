package dev.ksefplatform.sync.submission.domain;

import dev.ksefplatform.sync.projection.domain.CommandRefused;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.SubmissionAccepted;
import dev.ksefplatform.sync.projection.domain.SubmissionDuplicate;
import dev.ksefplatform.sync.projection.domain.SubmissionFailed;
import dev.ksefplatform.sync.projection.domain.SubmissionRejected;
import dev.ksefplatform.sync.projection.domain.SubmissionSent;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds submission events into the submission row. A status never regresses ({@link SubmissionStatus#yieldsTo}):
 * a KSeF verdict is final, and a late or re-published event (an outbox may publish one twice) changes nothing.
 * A later SENT (the invoice went out again in a new session) replaces an earlier one; an older one does not. A later
 * SENT also replaces a FAILED: the command was taken again (re-driven from the dead-letter topic, or a refused
 * upstream record sent again with its message id), while a SENT published again from before the failure does not.
 * A refusal owned by an upstream system ({@link CommandRefused#ownedByATenant}) makes no row, so it can never stand
 * in the way of the tenant's own row of the same command id; nor does the worker's refusal of a re-drive
 * ({@link CommandRefused#refusedRedrive}), so a command running or done is never shown FAILED by it.
 */
public final class SubmissionFold {

    private SubmissionFold() {
    }

    /** Whether the event is one this fold reacts to. */
    public static boolean concerns(SyncEvent event) {
        return event instanceof SubmissionSent || event instanceof SubmissionAccepted
                || event instanceof SubmissionRejected || event instanceof SubmissionDuplicate
                || event instanceof SubmissionFailed || event instanceof CommandRefused;
    }

    /** Folds a batch, in log order, over the rows it touches; returns the rows that changed, by command id. */
    public static Map<String, Submission> foldAll(Map<String, Submission> current, List<SyncEvent> events) {
        Map<String, Submission> rows = new LinkedHashMap<>(current);
        Map<String, Submission> changed = new LinkedHashMap<>();
        for (SyncEvent event : events) {
            String commandId = event.meta().correlationId();
            Optional<Submission> before = Optional.ofNullable(rows.get(commandId));
            evolve(before, event).filter(next -> !before.equals(Optional.of(next))).ifPresent(next -> {
                rows.put(commandId, next);
                changed.put(commandId, next);
            });
        }
        return changed;
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
        boolean older = next.updatedAt().isBefore(current.updatedAt()) && next.status() == current.status();
        boolean advances = current.status().yieldsTo(next.status()) || takenAgain(current, next);
        if (foreignTenant || replayed || older || !advances) {
            return current;
        }
        return next.completedFrom(current);
    }

    private static boolean takenAgain(Submission current, Submission next) {
        return current.status() == SubmissionStatus.FAILED && next.status() == SubmissionStatus.SENT
                && next.updatedAt().isAfter(current.updatedAt());
    }

    private static Optional<Submission> toRow(SyncEvent event) {
        if (event instanceof SubmissionSent e) {
            return Optional.of(row(e.meta(), SubmissionStatus.SENT, null, null, e.invoiceNumber(), null, List.of(),
                    e.sessionReferenceNumber(), e.invoiceReferenceNumber(), null));
        }
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
        if (event instanceof CommandRefused e && e.ownedByATenant() && !e.refusedRedrive()) {
            return Optional.of(row(e.meta(), SubmissionStatus.FAILED, null, null, null, e.reason(), List.of(), null,
                    null, null));
        }
        return Optional.empty();
    }

    private static Submission row(EventMeta meta, SubmissionStatus status, String ksefNumber, Integer code,
                                  String invoiceNumber, String description, List<String> details,
                                  String sessionReference, String invoiceReference, String upoUrl) {
        return new Submission(meta.correlationId(), meta.tenantId(), meta.contextNip(), status, ksefNumber, code,
                invoiceNumber, description, details, sessionReference, invoiceReference, upoUrl, meta.eventId(),
                meta.occurredAt(), meta.occurredAt());
    }
}
