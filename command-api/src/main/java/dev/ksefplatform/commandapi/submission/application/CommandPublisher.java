package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import java.util.List;
import java.util.concurrent.CompletionStage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Hands commands to the workers. */
public interface CommandPublisher {

    /**
     * Queues the command for the broker and emits once it is queued, so a command queued later by the same caller
     * follows it on its partition. The emitted stage completes when the broker acknowledges it, or fails.
     */
    Mono<CompletionStage<?>> enqueue(InvoiceSubmission submission);

    /**
     * Sends all, in the given order, without waiting for one ack before the next send.
     *
     * @return the ids of the commands the broker acknowledged; a failed one is left out (and logged)
     */
    Flux<String> publishAll(List<InvoiceSubmission> submissions);
}
