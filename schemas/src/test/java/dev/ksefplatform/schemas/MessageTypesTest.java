package dev.ksefplatform.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

class MessageTypesTest {

    @Test
    void everyPayloadTypeHasAWireName() {
        Stream.of(CommandEnvelope.getClassSchema(), EventEnvelope.getClassSchema())
                .flatMap(envelope -> envelope.getField("payload").schema().getTypes().stream())
                .forEach(type -> assertThat(MessageTypes.of(instance(type))).isEqualTo(type.getName()));
    }

    private static Object instance(Schema type) {
        return SpecificData.get().newRecord(null, type);
    }
}
