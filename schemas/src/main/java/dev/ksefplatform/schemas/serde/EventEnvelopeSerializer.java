package dev.ksefplatform.schemas.serde;

import dev.ksefplatform.schemas.v1.EventEnvelope;

/** Kafka value serializer for {@link EventEnvelope}. */
public final class EventEnvelopeSerializer extends SingleObjectSerializer<EventEnvelope> {

    public EventEnvelopeSerializer() {
        super(EventEnvelope.getClassSchema());
    }
}
