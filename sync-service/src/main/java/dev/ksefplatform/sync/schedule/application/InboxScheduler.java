package dev.ksefplatform.sync.schedule.application;

import dev.ksefplatform.sync.schedule.domain.ScheduleSettings;
import dev.ksefplatform.sync.schedule.domain.SyncCandidate;
import dev.ksefplatform.sync.schedule.domain.SyncDue;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One scheduling round: under the scheduler lock (one instance at a time), every due (tenant, subject type) gets
 * a SyncInbox command, written to the outbox in the round's transaction. Returns how many were issued; none when
 * another instance holds the lock.
 */
public final class InboxScheduler {

    private final SyncCandidates candidates;
    private final SyncIssuer issuer;
    private final SchedulerLock lock;
    private final ScheduleSettings settings;
    private final SyncOrders orders;

    public InboxScheduler(SyncCandidates candidates, SyncIssuer issuer, SchedulerLock lock, ScheduleSettings settings,
                          SyncOrders orders) {
        this.candidates = candidates;
        this.issuer = issuer;
        this.lock = lock;
        this.settings = settings;
        this.orders = orders;
    }

    public Mono<Integer> tick() {
        return lock.whileHolding(Mono.defer(() -> issueDue(orders.now())))
                .defaultIfEmpty(0);
    }

    private Mono<Integer> issueDue(Instant now) {
        // read every candidate before writing: one connection cannot run a statement while another streams rows
        return candidates.all(settings.subjectTypes()).collectList().flatMapMany(Flux::fromIterable)
                .filter(candidate -> isDue(candidate, now))
                .concatMap(candidate -> issuer.issue(orders.scheduled(candidate, now)))
                .filter(Boolean::booleanValue).count().map(Long::intValue);
    }

    private boolean isDue(SyncCandidate candidate, Instant now) {
        return settings.of(candidate.subjectType()).map(schedule -> SyncDue.isDue(now,
                candidate.integration().activeSince(), candidate.run(), schedule, settings.runningTimeout(),
                candidate.tenantId())).orElse(false);
    }
}
