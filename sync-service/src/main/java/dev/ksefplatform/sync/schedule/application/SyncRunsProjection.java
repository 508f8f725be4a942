package dev.ksefplatform.sync.schedule.application;

import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.sync.projection.domain.CommandRefused;
import dev.ksefplatform.sync.projection.domain.InboxSyncFailure;
import dev.ksefplatform.sync.projection.domain.InboxSynced;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import dev.ksefplatform.sync.schedule.application.SyncRuns.FinishedSync;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Ends a running sync when its InboxSyncCompleted or InboxSyncFailed arrives (correlation id = its command id), or
 * when its command was refused without one (dead-lettered: the worker could not take it at all).
 */
public final class SyncRunsProjection implements ReadModelUpdate<SyncEvent> {

    private final SyncRuns runs;

    public SyncRunsProjection(SyncRuns runs) {
        this.runs = runs;
    }

    @Override
    public Mono<Void> apply(List<SyncEvent> events) {
        List<FinishedSync> finished = events.stream().map(SyncRunsProjection::finished).flatMap(Optional::stream)
                .toList();
        List<FinishedSync> failed = events.stream().filter(CommandRefused.class::isInstance)
                .map(e -> new FinishedSync(e.meta().tenantId(), null, e.meta().correlationId(), e.meta().occurredAt()))
                .toList();
        return (finished.isEmpty() ? Mono.<Void>empty() : runs.finish(finished))
                .then(failed.isEmpty() ? Mono.empty() : runs.abandon(failed));
    }

    private static Optional<FinishedSync> finished(SyncEvent event) {
        String subjectType = event instanceof InboxSynced s ? s.subjectType()
                : event instanceof InboxSyncFailure f ? f.subjectType() : null;
        return Optional.ofNullable(subjectType).map(subject -> new FinishedSync(event.meta().tenantId(), subject,
                event.meta().correlationId(), event.meta().occurredAt()));
    }
}
