package dev.ksefplatform.sync.schedule;

import dev.ksefplatform.sync.schedule.application.IdlePacing;
import dev.ksefplatform.sync.schedule.application.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/**
 * Runs the outbox relay with a fixed pause after each tick, on the ticks its pacing says are due (backing off while
 * idle, every tick when woken or busy); a failed run is retried the next tick.
 */
class OutboxTicker {

    private static final Logger log = LoggerFactory.getLogger(OutboxTicker.class);

    private final OutboxRelay relay;
    private final IdlePacing pacing;

    OutboxTicker(OutboxRelay relay, IdlePacing pacing) {
        this.relay = relay;
        this.pacing = pacing;
    }

    @Scheduled(initialDelayString = "${sync.outbox.interval}", fixedDelayString = "${sync.outbox.interval}")
    Mono<Void> relay() {
        if (!pacing.due()) {
            return Mono.empty();
        }
        return relay.relay()
                .doOnNext(published -> log.debug("outbox relayed published={}", published))
                .doOnNext(pacing::ran)
                .doOnError(e -> pacing.failed())
                .doOnError(e -> log.warn("outbox run failed, retrying next run cause={}", e.toString()))
                .onErrorComplete().then();
    }
}
