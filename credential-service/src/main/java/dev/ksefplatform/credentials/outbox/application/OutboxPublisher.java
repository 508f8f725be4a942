package dev.ksefplatform.credentials.outbox.application;

import java.util.List;
import reactor.core.publisher.Mono;

/** Sends outbox messages to the event log. */
public interface OutboxPublisher {

    /**
     * Sends every message (in order, without waiting for each acknowledgement) and emits the {@code seq}s acknowledged
     * before the first one that failed: nothing after a failure counts as published, so it is sent again after it.
     */
    Mono<List<Long>> publishAll(List<OutboxMessage> messages);
}
