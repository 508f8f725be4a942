package dev.ksefplatform.commandapi.deadletter;

import dev.ksefplatform.commandapi.deadletter.application.RedriveRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/** Runs the re-drive relay with a fixed pause after each run; a failed run is retried next time. */
class RedriveSchedule {

    private static final Logger log = LoggerFactory.getLogger(RedriveSchedule.class);

    private final RedriveRelay relay;

    RedriveSchedule(RedriveRelay relay) {
        this.relay = relay;
    }

    @Scheduled(initialDelayString = "${commandapi.dead-letters.relay-interval:10s}",
            fixedDelayString = "${commandapi.dead-letters.relay-interval:10s}")
    Mono<Void> relayStuckRedrives() {
        return relay.relay()
                .doOnError(e -> log.warn("re-drive relay run failed, retrying next run cause={}", e.toString()))
                .onErrorComplete()
                .then();
    }
}
