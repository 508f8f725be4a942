package dev.ksefplatform.sync.schedule;

import dev.ksefplatform.sync.schedule.application.InboxScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/** Runs a scheduling round every {@code sync.schedule.tick}; a failed round is retried the next time. */
class ScheduleTicker {

    private static final Logger log = LoggerFactory.getLogger(ScheduleTicker.class);

    private final InboxScheduler scheduler;
    private final boolean enabled;

    ScheduleTicker(InboxScheduler scheduler, boolean enabled) {
        this.scheduler = scheduler;
        this.enabled = enabled;
    }

    @Scheduled(initialDelayString = "${sync.schedule.tick}", fixedDelayString = "${sync.schedule.tick}")
    Mono<Void> tick() {
        if (!enabled) {
            return Mono.empty();
        }
        return scheduler.tick()
                .doOnNext(issued -> log.atLevel(issued > 0 ? org.slf4j.event.Level.INFO : org.slf4j.event.Level.DEBUG)
                        .log("inbox schedule round issued={}", issued))
                .doOnError(e -> log.warn("inbox schedule round failed, retrying next tick cause={}", e.toString()))
                .onErrorComplete().then();
    }
}
