package dev.ksefplatform.commandapi.submission;

import dev.ksefplatform.commandapi.submission.application.CommandRetention;
import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/** Runs the command log's pruning with a fixed pause after each run; a failed run is retried next time. */
class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final CommandRetention retention;
    private final Counter deleted;

    RetentionSchedule(CommandRetention retention, Counter deleted) {
        this.retention = retention;
        this.deleted = deleted;
    }

    @Scheduled(initialDelayString = "${commandapi.submission.retention.tick:1m}",
            fixedDelayString = "${commandapi.submission.retention.tick:1m}")
    Mono<Void> prune() {
        return retention.drain()
                .doOnNext(rows -> {
                    deleted.increment(rows);
                    if (rows > 0) {
                        log.info("command log pruned rows={} acceptedBefore={}", rows, retention.horizon());
                    }
                })
                .doOnError(e -> log.warn("command log pruning failed, retrying next run cause={}", e.toString()))
                .onErrorComplete()
                .then();
    }
}
