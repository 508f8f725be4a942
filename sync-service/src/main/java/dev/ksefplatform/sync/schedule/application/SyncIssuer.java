package dev.ksefplatform.sync.schedule.application;

import dev.ksefplatform.sync.schedule.domain.SyncOrder;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Issues a sync: claims its (tenant, subject type) and writes its command to the outbox, in the caller's
 * transaction, so the decision and the command commit together. Nothing is written when another sync runs.
 */
public final class SyncIssuer {

    private final SyncRuns runs;
    private final CommandOutbox outbox;
    private final SyncCommandEncoder encoder;
    private final Duration runningTimeout;

    public SyncIssuer(SyncRuns runs, CommandOutbox outbox, SyncCommandEncoder encoder, Duration runningTimeout) {
        this.runs = runs;
        this.outbox = outbox;
        this.encoder = encoder;
        this.runningTimeout = runningTimeout;
    }

    /** True when the order was issued, false when another sync of the tenant and subject type runs. */
    public Mono<Boolean> issue(SyncOrder order) {
        return runs.claim(order, order.issuedAt().minus(runningTimeout))
                .flatMap(claimed -> claimed ? outbox.append(encoder.encode(order)).thenReturn(true) : Mono.just(false));
    }

    public Duration runningTimeout() {
        return runningTimeout;
    }
}
