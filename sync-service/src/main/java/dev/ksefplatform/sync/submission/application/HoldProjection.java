package dev.ksefplatform.sync.submission.application;

import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import dev.ksefplatform.sync.submission.domain.ContextHold;
import dev.ksefplatform.sync.submission.domain.HoldFold;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Folds a batch's SubmissionsHeld/Resumed events into {@link ContextHolds}. */
public final class HoldProjection implements ReadModelUpdate<SyncEvent> {

    private final ContextHolds holds;

    public HoldProjection(ContextHolds holds) {
        this.holds = holds;
    }

    @Override
    public Mono<Void> apply(List<SyncEvent> events) {
        List<SyncEvent> relevant = events.stream().filter(HoldFold::concerns).toList();
        if (relevant.isEmpty()) {
            return Mono.empty();
        }
        return holds.findAll(HoldFold.keysOf(relevant)).collectMap(ContextHold::key, Function.identity())
                .map(current -> HoldFold.foldAll(current, relevant))
                .flatMap(changed -> holds.saveAll(changed.values()));
    }
}
