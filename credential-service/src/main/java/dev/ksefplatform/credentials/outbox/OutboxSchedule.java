package dev.ksefplatform.credentials.outbox;

import dev.ksefplatform.credentials.outbox.application.IdlePacing;
import dev.ksefplatform.credentials.outbox.application.Outbox;
import dev.ksefplatform.credentials.outbox.application.OutboxRelay;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Drains the outbox on the ticks {@link IdlePacing} chooses of a clock ticking every {@code every}, once the context
 * has started (after the migrations), one run at a time; a failed run is retried the next time. The backlog is
 * counted after each run.
 */
final class OutboxSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);

    private final OutboxRelay relay;
    private final Outbox outbox;
    private final Duration every;
    private final AtomicLong backlog;
    private final LongConsumer published;
    private final boolean enabled;
    private final IdlePacing pacing;
    private volatile Disposable running;

    /**
     * {@code enabled} false ({@code credentials.outbox.enabled}): events wait in the outbox (tests of the relay); the
     * backlog is still counted.
     */
    OutboxSchedule(OutboxRelay relay, Outbox outbox, Duration every, AtomicLong backlog, LongConsumer published,
                   boolean enabled, IdlePacing pacing) {
        this.enabled = enabled;
        this.pacing = pacing;
        this.relay = relay;
        this.outbox = outbox;
        this.every = every;
        this.backlog = backlog;
        this.published = published;
    }

    @Override
    public void start() {
        running = Flux.interval(every, every, Schedulers.boundedElastic()).onBackpressureDrop()
                .filter(tick -> pacing.due())
                .concatMap(tick -> (enabled ? relay.drain().doOnNext(published::accept) : Mono.just(0L))
                        .doOnNext(pacing::ran)
                        .then(outbox.backlog()).doOnNext(backlog::set)
                        .onErrorResume(e -> {
                            log.warn("outbox run failed, retrying next run cause={}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
