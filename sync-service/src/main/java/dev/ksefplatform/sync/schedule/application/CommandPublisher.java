package dev.ksefplatform.sync.schedule.application;

import java.util.List;
import reactor.core.publisher.Mono;

/** Publishes outbox messages to {@code ksef.commands.v1}, completing once the broker acknowledged them all. */
public interface CommandPublisher {

    Mono<Void> publishAll(List<OutboxMessage> messages);
}
