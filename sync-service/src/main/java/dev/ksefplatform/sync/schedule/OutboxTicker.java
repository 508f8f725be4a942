package dev.ksefplatform.sync.schedule;

import dev.ksefplatform.sync.schedule.application.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/** Runs the outbox relay with a fixed pause after each run; a failed run is retried the next time. */
class OutboxTicker {

    private static final Logger log = LoggerFactory.getLogger(OutboxTicker.class);

    private final OutboxRelay relay;

    OutboxTicker(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(initialDelayString = "${sync.outbox.interval}", fixedDelayString = "${sync.outbox.interval}")
    Mono<Void> relay() {
        return relay.relay()
                .doOnNext(published -> log.debug("outbox relayed published={}", published))
                .doOnError(e -> log.warn("outbox run failed, retrying next run cause={}", e.toString()))
                .onErrorComplete().then();
    }
}
