package dev.ksefplatform.worker.submission.domain;

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

    public sealed interface Payload
            permits SubmissionOutcome, SessionOpened, SessionClosed, CommandDeadLettered, CallFailed, RateLimited {
    }

    public record SessionOpened(String sessionReferenceNumber, Instant validUntil) implements Payload {
    }

    public record SessionClosed(String sessionReferenceNumber) implements Payload {
    }

    /** The command could not be processed at all and went to the dead-letter topic. */
    public record CommandDeadLettered(String reason, String topic, int partition, long offset) implements Payload {
    }

    /** One attempt failed transiently; {@code retryable} says whether another attempt follows. */
    public record CallFailed(Integer errorCode, String message, boolean retryable, int attempt) implements Payload {
    }

    /** KSeF throttled the tenant's context and asked to wait. */
    public record RateLimited(int retryAfterSeconds) implements Payload {
    }

    /** What the audit log records about the operation behind an event. */
    public record Audit(String operation, String tenantNip, String providerNip, Integer httpStatus,
                        Long durationMillis, String error) {

        public static final String SUBMIT = "ksef.invoice.submit";
        public static final String DEAD_LETTER = "command.dead-letter";
    }
}
