package dev.ksefplatform.sync.projection.application;

import dev.ksefplatform.sync.projection.domain.SyncEvent;
import reactor.core.publisher.Mono;

/** One read model's reaction to an event; runs inside the projector's transaction and ignores what it does not fold. */
public interface ReadModelProjection {

    Mono<Void> apply(SyncEvent event);
}
