package dev.ksefplatform.support.projection.adapter.kafka;

import dev.ksefplatform.schemas.v1.EventEnvelope;
import java.util.Optional;

/** A service's one mapper of {@code ksef.events.v1}: empty for event types it does not fold. */
@FunctionalInterface
public interface EventMapper<E> {

    /** @throws UnmappableEvent when the record cannot become a domain event (poison: skipped, counted) */
    Optional<E> toDomain(EventEnvelope envelope, String tenantKey);
}
