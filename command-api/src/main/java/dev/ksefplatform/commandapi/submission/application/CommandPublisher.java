package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import reactor.core.publisher.Mono;

/** Hands a command to the workers; completes when the broker has acknowledged it. */
public interface CommandPublisher {

    Mono<Void> publish(InvoiceSubmission submission);
}
