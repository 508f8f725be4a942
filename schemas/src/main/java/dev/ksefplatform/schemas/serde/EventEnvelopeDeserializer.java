package dev.ksefplatform.schemas.serde;

import dev.ksefplatform.schemas.v1.EventEnvelope;

/** Kafka value deserializer for {@link EventEnvelope}, accepting every released version. */
public final class EventEnvelopeDeserializer extends SingleObjectDeserializer<EventEnvelope> {

    public EventEnvelopeDeserializer() {
        super(EventEnvelope.getClassSchema(), "EventEnvelope");
    }
}
