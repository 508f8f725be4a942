package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One transactional producer writes events, dead-lettered commands and the raw bytes of poison
 * records, so all three commit atomically with the consumed offset.
 */
public class WorkerValueSerializer implements Serializer<Object> {

    private final EventEnvelopeSerializer events = new EventEnvelopeSerializer();
    private final CommandEnvelopeSerializer commands = new CommandEnvelopeSerializer();

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof EventEnvelope event) {
            return events.serialize(topic, event);
        }
        if (data instanceof CommandEnvelope command) {
            return commands.serialize(topic, command);
        }
        throw new SerializationException("no serializer for " + data.getClass().getName());
    }
}
