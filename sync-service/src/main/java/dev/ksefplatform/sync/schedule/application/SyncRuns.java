package dev.ksefplatform.sync.schedule.application;

import dev.ksefplatform.sync.schedule.domain.SyncOrder;
import dev.ksefplatform.sync.schedule.domain.SyncRun;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The scheduler's own state: which sync runs per tenant and subject type. Not a read model: a rebuild keeps it. */
public interface SyncRuns {

    /**
     * Records the order's sync as running, atomically, unless another runs that started after {@code staleBefore}.
     * True when this order now runs.
     */
    Mono<Boolean> claim(SyncOrder order, Instant staleBefore);

    /** Ends the runs of these commands (by tenant, subject type and command id); other runs are left alone. */
    Mono<Void> finish(List<FinishedSync> finished);

    /** Ends the runs of these commands whatever their subject type (a dead-lettered command never reports its end). */
    Mono<Void> abandon(List<FinishedSync> abandoned);

    Mono<SyncRun> find(String tenantId, String subjectType);

    Flux<SyncRun> ofTenant(String tenantId);

    Flux<SyncRun> all();

    /** A sync that reported its end (InboxSyncCompleted or InboxSyncFailed) at {@code at}; no subject type when abandoned. */
    record FinishedSync(String tenantId, String subjectType, String commandId, Instant at) {
    }
}
