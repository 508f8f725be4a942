package dev.ksefplatform.worker.engine.domain;

import java.time.Instant;
import java.util.Objects;

/** A fact the worker records, with the ids that tie it to its command and what the audit log keeps. */
public record WorkerEvent(String eventId, Instant occurredAt, CommandRef cause, Audit audit, Payload payload) {

    public WorkerEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(payload, "payload");
    }

    public sealed interface Payload permits SubmissionOutcome, SessionOpened, SessionClosed, InvoiceSent,
            SubmissionsHeld, SubmissionsResumed, CommandDeadLettered, CallFailed, RateLimited {
    }

    public record SessionOpened(String sessionReferenceNumber, SessionType type, Instant validUntil) implements Payload {
    }

    public record SessionClosed(String sessionReferenceNumber, SessionType type) implements Payload {
    }

    /** The invoice is in a KSeF session; only its verdict is missing. */
    public record InvoiceSent(String sessionReferenceNumber, SessionType type, String invoiceReferenceNumber,
                              String invoiceHash, String invoiceNumber, String batchFileName) implements Payload {
    }

    /** The lane waits (budget, integration, outage); recorded when waiting starts or its reason changes. */
    public record SubmissionsHeld(String contextNip, String environment, HoldReason reason, String detail,
                                  String limitGroup, Instant until, long queued) implements Payload {
    }

    public record SubmissionsResumed(String contextNip, String environment, long queued) implements Payload {
    }

    /** The command could not be processed at all and went to the dead-letter topic. */
    public record CommandDeadLettered(String reason, String topic, int partition, long offset) implements Payload {
    }

    /** A call to KSeF failed; {@code retryable} says whether the platform tries again. */
    public record CallFailed(Integer errorCode, String message, boolean retryable, int attempt) implements Payload {
    }

    /** KSeF throttled the context and asked to wait, although the budget allowed the call. */
    public record RateLimited(int retryAfterSeconds) implements Payload {
    }

    /** What the audit log records about the operation behind an event. */
    public record Audit(String operation, String tenantNip, String providerNip, Integer httpStatus,
                        Long durationMillis, String error, String integrationId, Integer ksefCode,
                        CommandRef.Actor actor) {

        public static final String SESSION_OPEN = "ksef.session.open";
        public static final String SESSION_CLOSE = "ksef.session.close";
        public static final String INVOICE_SEND = "ksef.invoice.send";
        public static final String BATCH_SEND = "ksef.batch.send";
        public static final String INVOICE_VERDICT = "ksef.invoice.verdict";
        public static final String SUBMISSIONS_HELD = "worker.submissions.held";
        public static final String DEAD_LETTER = "command.dead-letter";
    }
}
