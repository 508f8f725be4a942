package dev.ksefplatform.commandapi.submission.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Publishes commands that were recorded but never marked published (a crash or broker outage between the two
 * steps), a batch at a time: one claim, every record sent without waiting for the previous ack, one mark for all
 * that were acknowledged. Rows are claimed before they are published, so concurrent relays never publish one
 * command twice. Delivery is at least once: a command whose ack or mark was lost is republished, with the same
 * messageId, once its claim expires.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final CommandLog commands;
    private final CommandPublisher publisher;
    private final Clock clock;
    private final Duration grace;
    private final Duration claim;
    private final int batchSize;

    /**
     * @param grace how long a received row is left to its own request before the relay takes over
     * @param claim how long a relay holds the rows it took; longer than a publish can take
     */
    public OutboxRelay(CommandLog commands, CommandPublisher publisher, Clock clock, Duration grace, Duration claim,
                       int batchSize) {
        this.commands = commands;
        this.publisher = publisher;
        this.clock = clock;
        this.grace = grace;
        this.claim = claim;
        this.batchSize = batchSize;
    }

    /**
     * Publishes one batch of stuck commands, sent in acceptance order; emits how many were published. Lazy: the time
     * is read at each subscription, since a scheduler subscribes the same Mono run after run.
     */
    public Mono<Long> relay() {
        return Mono.defer(() -> relay(clock.instant()));
    }

    private Mono<Long> relay(Instant now) {
        return commands.claimUnpublished(now.minus(grace), now, now.plus(claim), batchSize)
                .collectList()
                .filter(claimed -> !claimed.isEmpty())
                .flatMap(claimed -> publisher.publishAll(claimed).collectList())
                .filter(published -> !published.isEmpty())
                .flatMap(published -> commands.markPublished(published, clock.instant())
                        .doOnSuccess(done -> log.info("outbox published count={} commandIds={}", published.size(), published))
                        .thenReturn((long) published.size()))
                .defaultIfEmpty(0L);
    }
}
