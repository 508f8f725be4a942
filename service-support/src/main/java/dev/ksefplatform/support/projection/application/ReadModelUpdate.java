package dev.ksefplatform.support.projection.application;

import reactor.core.publisher.Mono;

/** One read model's reaction to an event; runs inside the projector's transaction and ignores what it does not fold. */
@FunctionalInterface
public interface ReadModelUpdate<E> {

    Mono<Void> apply(E event);
}
