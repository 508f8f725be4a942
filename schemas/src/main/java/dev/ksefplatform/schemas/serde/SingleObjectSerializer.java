package dev.ksefplatform.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro single-object encoding: {@code C3 01}, the schema's 8-byte fingerprint, then the
 * binary datum. The fingerprint is all a reader needs to find the writer schema in its store.
 */
public class SingleObjectSerializer<T extends SpecificRecord> implements Serializer<T> {

    private final BinaryMessageEncoder<T> encoder;

    protected SingleObjectSerializer(Schema schema) {
        this.encoder = new BinaryMessageEncoder<>(SpecificData.getForSchema(schema), schema);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return encoder.encode(data).array();
        } catch (IOException | UncheckedIOException | ClassCastException | NullPointerException e) {
            throw new SerializationException("cannot encode " + data.getSchema().getFullName() + " for " + topic, e);
        }
    }
}
