package dev.ksefplatform.support.projection.application;

import reactor.core.publisher.Mono;

/** Empties every read model of a service and its applied offsets, so a replay rebuilds them. */
@FunctionalInterface
public interface ReadModelReset {

    Mono<Void> truncateAll();
}
