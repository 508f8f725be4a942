package dev.ksefplatform.worker.submission.application;

import dev.ksefplatform.worker.submission.domain.CommandRef;
import dev.ksefplatform.worker.submission.domain.SubmissionOutcome.Abandoned;
import dev.ksefplatform.worker.submission.domain.WorkerEvent;
import dev.ksefplatform.worker.submission.domain.WorkerEvent.Audit;
import java.util.List;

/** Records the final event of a command that was dead-lettered, so no command ends without one. */
public class FailedCommands {

    private static final int TOO_MANY_REQUESTS = 429;

    private final WorkerEvents events;
    private final EventFactory eventFactory;

    public FailedCommands(WorkerEvents events, EventFactory eventFactory) {
        this.events = events;
        this.eventFactory = eventFactory;
    }

    /** One transient failure of a submission, recorded whether or not another attempt follows. */
    public void attemptFailed(CommandRef command, String contextNip, TransientFailure failure, int attempt,
                              boolean willRetry) {
        Audit audit = new Audit(Audit.SUBMIT, contextNip, null, failure.httpStatus(), null, failure.getMessage());
        WorkerEvent.Payload payload = failure.httpStatus() != null && failure.httpStatus() == TOO_MANY_REQUESTS
                && failure.retryAfter().isPresent()
                ? new WorkerEvent.RateLimited((int) failure.retryAfter().get().toSeconds())
                : new WorkerEvent.CallFailed(failure.httpStatus(), failure.getMessage(), willRetry, attempt);
        events.publish(List.of(eventFactory.event(command, audit, payload)));
    }

    /** A submission whose retries ran out. */
    public void abandoned(CommandRef command, String contextNip, String invoiceNumber, String reason, int attempts,
                          Integer httpStatus) {
        Audit audit = new Audit(Audit.SUBMIT, contextNip, null, httpStatus, null, reason);
        events.publish(List.of(eventFactory.event(command, audit, new Abandoned(reason, attempts, invoiceNumber))));
    }

    /** A command that could not be processed at all (undecodable, unsupported). */
    public void deadLettered(CommandRef command, String reason, String topic, int partition, long offset) {
        Audit audit = new Audit(Audit.DEAD_LETTER, null, null, null, null, reason);
        events.publish(List.of(eventFactory.event(command, audit,
                new WorkerEvent.CommandDeadLettered(reason, topic, partition, offset))));
    }
}
