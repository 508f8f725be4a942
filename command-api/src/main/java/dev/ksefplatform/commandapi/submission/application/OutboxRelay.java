package dev.ksefplatform.commandapi.submission.application;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Publishes commands that were recorded but never marked published (a crash or broker outage
 * between the two steps). Delivery is at least once: a crash after the broker's ack and before
 * the mark republishes the same messageId, which consumers deduplicate.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final CommandLog commands;
    private final CommandPublisher publisher;
    private final Clock clock;
    private final Duration grace;
    private final int batchSize;

    /** @param grace how long a received row is left to its own request before the relay takes over */
    public OutboxRelay(CommandLog commands, CommandPublisher publisher, Clock clock, Duration grace, int batchSize) {
        this.commands = commands;
        this.publisher = publisher;
        this.clock = clock;
        this.grace = grace;
        this.batchSize = batchSize;
    }

    /** Publishes one batch of stuck commands, in acceptance order; stops at the first failure. */
    public Mono<Long> relay() {
        return commands.unpublished(clock.instant().minus(grace), batchSize)
                .concatMap(submission -> publisher.publish(submission)
                        .then(Mono.defer(() -> commands.markPublished(submission.commandId(), clock.instant())))
                        .doOnSuccess(done -> log.info("outbox published tenantId={} commandId={}",
                                submission.tenantId(), submission.commandId())))
                .count();
    }
}
