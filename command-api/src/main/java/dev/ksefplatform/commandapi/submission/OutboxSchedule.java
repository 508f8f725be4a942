package dev.ksefplatform.commandapi.submission;

import dev.ksefplatform.commandapi.submission.application.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/** Runs the outbox relay with a fixed pause after each run; a failed run is retried next time. */
class OutboxSchedule {

    private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);

    private final OutboxRelay relay;

    OutboxSchedule(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(initialDelayString = "${commandapi.submission.outbox.interval:5s}",
            fixedDelayString = "${commandapi.submission.outbox.interval:5s}")
    Mono<Void> relayStuckCommands() {
        return relay.relay()
                .doOnError(e -> log.warn("outbox run failed, retrying next run cause={}", e.toString()))
                .onErrorComplete()
                .then();
    }
}
