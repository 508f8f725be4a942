package dev.ksefplatform.support.projection.application;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * One read model's reaction to a batch of events, in log order; runs inside the projector's transaction (one per
 * poll batch) and ignores the events it does not fold. Write the batch with as few statements as it takes.
 */
@FunctionalInterface
public interface ReadModelUpdate<E> {

    Mono<Void> apply(List<E> events);
}
