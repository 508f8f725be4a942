package dev.ksefplatform.schemas.serde;

import dev.ksefplatform.schemas.v1.CommandEnvelope;

/** Kafka value deserializer for {@link CommandEnvelope}, accepting every released version. */
public final class CommandEnvelopeDeserializer extends SingleObjectDeserializer<CommandEnvelope> {

    public CommandEnvelopeDeserializer() {
        super(CommandEnvelope.getClassSchema(), "CommandEnvelope");
    }
}
