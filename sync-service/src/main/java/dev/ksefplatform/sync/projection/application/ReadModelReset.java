package dev.ksefplatform.sync.projection.application;

import reactor.core.publisher.Mono;

/** Empties every read model and the applied offsets, so a replay rebuilds them. */
public interface ReadModelReset {

    Mono<Void> truncateAll();
}
