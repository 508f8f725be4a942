package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Hands commands to the workers; completes when the broker has acknowledged them. */
public interface CommandPublisher {

    Mono<Void> publish(InvoiceSubmission submission);

    /**
     * Sends all, in the given order, without waiting for one ack before the next send.
     *
     * @return the ids of the commands the broker acknowledged; a failed one is left out (and logged)
     */
    Flux<String> publishAll(List<InvoiceSubmission> submissions);
}
