package dev.ksefplatform.sync.inbox.application;

import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.sync.inbox.domain.SyncState;
import dev.ksefplatform.sync.inbox.domain.SyncStateFold;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/** Folds a batch's sync windows (completed or failed) into {@link SyncStates}. */
public final class SyncStateProjection implements ReadModelUpdate<SyncEvent> {

    private final SyncStates states;

    public SyncStateProjection(SyncStates states) {
        this.states = states;
    }

    @Override
    public Mono<Void> apply(List<SyncEvent> events) {
        List<SyncEvent> relevant = events.stream().filter(SyncStateFold::concerns).toList();
        if (relevant.isEmpty()) {
            return Mono.empty();
        }
        var keys = relevant.stream().map(SyncStateFold::keyOf).collect(Collectors.toSet());
        return states.findAll(keys).collectMap(SyncState::key, Function.identity())
                .map(current -> SyncStateFold.foldAll(current, relevant))
                .flatMap(changed -> states.saveAll(changed.values()));
    }
}
