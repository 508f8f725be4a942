package dev.ksefplatform.schemas.serde;

import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore.Cache;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro single-object encoding written with any released version of the envelope, resolved
 * to the reader's (current) schema. Unknown fingerprints and corrupt bytes raise
 * {@link SerializationException}, which consumers route to the dead-letter topic. A record whose
 * {@code ksef-message-type} header names a payload type this reader does not know is refused the
 * same way before decoding, never resolved to a look-alike branch (see {@link PayloadTypes}).
 */
public class SingleObjectDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final BinaryMessageDecoder<T> decoder;
    private final PayloadTypes payloadTypes;

    protected SingleObjectDeserializer(Schema readerSchema, String envelopeName) {
        Cache store = new Cache();
        SchemaStore.released(envelopeName).forEach(store::addSchema);
        store.addSchema(readerSchema);
        this.decoder = new BinaryMessageDecoder<>(SpecificData.getForSchema(readerSchema), readerSchema, store);
        this.payloadTypes = PayloadTypes.of(readerSchema);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        String type = headers == null ? null : MessageHeaders.get(headers, MessageHeaders.MESSAGE_TYPE).orElse(null);
        if (data != null && type != null && !payloadTypes.knows(type)) {
            throw new SerializationException("message type " + type + " of " + topic
                    + " is newer than this reader; skip it (upgrade the schemas to read it)");
        }
        return deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return decoder.decode(data);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException("cannot decode a record of " + topic + ": " + e.getMessage(), e);
        }
    }
}
