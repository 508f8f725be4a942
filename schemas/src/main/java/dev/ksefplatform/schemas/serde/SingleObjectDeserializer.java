package dev.ksefplatform.schemas.serde;

import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore.Cache;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro single-object encoding written with any released version of the envelope, resolved
 * to the reader's (current) schema. Unknown fingerprints and corrupt bytes raise
 * {@link SerializationException}, which consumers route to the dead-letter topic.
 */
public class SingleObjectDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final BinaryMessageDecoder<T> decoder;

    protected SingleObjectDeserializer(Schema readerSchema, String envelopeName) {
        Cache store = new Cache();
        SchemaStore.released(envelopeName).forEach(store::addSchema);
        store.addSchema(readerSchema);
        this.decoder = new BinaryMessageDecoder<>(SpecificData.getForSchema(readerSchema), readerSchema, store);
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
