package dev.ksefplatform.commandapi.deadletter.application;

import java.time.Clock;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Publishes re-drives recorded but never marked published (Kafka down during the request, or a crash): at least
 * once, which is safe: the worker takes one re-drive of a dead letter once, consumers keep one event per id.
 */
public final class RedriveRelay {

    private final RedriveLog redrives;
    private final DeadLetterTopic topic;
    private final Clock clock;
    private final Duration grace;

    /** @param grace how long a recorded re-drive is left to its own request */
    public RedriveRelay(RedriveLog redrives, DeadLetterTopic topic, Clock clock, Duration grace) {
        this.redrives = redrives;
        this.topic = topic;
        this.clock = clock;
        this.grace = grace;
    }

    /** One pass over at most 50 stuck re-drives, in order; emits how many were published. */
    public Mono<Long> relay() {
        return Mono.defer(() -> redrives.unpublished(clock.instant().minus(grace), 50)
                .concatMap(redrive -> topic.publish(redrive)
                        .then(Mono.defer(() -> redrives.published(redrive.deadLetter(), clock.instant())))
                        .thenReturn(redrive))
                .count());
    }
}
