package dev.ksefplatform.schemas.serde;

import dev.ksefplatform.schemas.v1.CommandEnvelope;

/** Kafka value serializer for {@link CommandEnvelope}. */
public final class CommandEnvelopeSerializer extends SingleObjectSerializer<CommandEnvelope> {

    public CommandEnvelopeSerializer() {
        super(CommandEnvelope.getClassSchema());
    }
}
