package dev.ksefplatform.credentials.integration.application;

import dev.ksefplatform.credentials.integration.domain.IntegrationEvent;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Records the vault's facts for the event log, in the outbox: the relay sends them to Kafka once their transaction
 * has committed, so a crash can lose neither the change nor its event alone.
 */
public interface IntegrationEvents {

    /** Runs {@code change} and records the event made from its (non-empty) result in one transaction. */
    <T> Mono<T> recorded(Mono<T> change, Function<? super T, ? extends IntegrationEvent> event);

    /** Records events in a transaction of their own (facts that change no state here, such as KSeF calls). */
    Mono<Void> publishAll(List<? extends IntegrationEvent> events);
}
