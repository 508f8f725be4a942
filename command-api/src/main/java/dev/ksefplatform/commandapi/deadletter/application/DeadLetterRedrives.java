package dev.ksefplatform.commandapi.deadletter.application;

import dev.ksefplatform.commandapi.deadletter.domain.DeadLetter;
import dev.ksefplatform.commandapi.deadletter.domain.DeadLetterAddress;
import dev.ksefplatform.commandapi.deadletter.domain.Redrive;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * An operator's re-drive: the dead letter is read (404 when gone, 409 when it can never run), recorded once per dead
 * letter (the idempotency key and the outbox), then its command and {@code CommandRedriven} are published and the row
 * marked. A second request for the same dead letter answers the first one's outcome and publishes nothing; a publish
 * that fails leaves the row to {@link RedriveRelay}. Whether the command runs is the worker's call (its own records).
 */
public final class DeadLetterRedrives {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrives.class);

    private final DeadLetterTopic topic;
    private final RedriveLog redrives;
    private final Clock clock;

    public DeadLetterRedrives(DeadLetterTopic topic, RedriveLog redrives, Clock clock) {
        this.topic = topic;
        this.redrives = redrives;
        this.clock = clock;
    }

    public Mono<RedriveLog.Recorded> redrive(DeadLetterAddress address, String operator, String note) {
        return topic.read(address)
                .switchIfEmpty(Mono.error(() -> new DeadLetterNotFound("no dead letter at " + address
                        + ": never written, or older than the topic's retention (30 days)")))
                .flatMap(deadLetter -> redrives.record(redriveOf(deadLetter, operator, note)))
                .flatMap(recorded -> recorded.fresh() ? publish(recorded.redrive()) : Mono.just(recorded));
    }

    private Redrive redriveOf(DeadLetter deadLetter, String operator, String note) {
        String why = deadLetter.notRedrivable();
        if (why != null) {
            throw new DeadLetterNotRedrivable(deadLetter.address() + " cannot be re-driven: " + why);
        }
        return new Redrive(deadLetter.address().toString(), deadLetter.commandId(), deadLetter.tenantId(),
                deadLetter.correlationId(), operator, note, clock.instant(), null);
    }

    private Mono<RedriveLog.Recorded> publish(Redrive redrive) {
        return topic.publish(redrive)
                .then(Mono.fromSupplier(clock::instant))
                .flatMap(at -> redrives.published(redrive.deadLetter(), at).thenReturn(redrive.published(at)))
                .doOnNext(done -> log.info("dead letter re-driven deadLetter={} commandId={} tenantId={} operator={}",
                        done.deadLetter(), done.commandId(), done.tenantId(), done.operator()))
                .map(done -> new RedriveLog.Recorded(done, true));
    }
}
