package dev.ksefplatform.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.serde.SchemaStore;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceSent;
import java.nio.ByteBuffer;
import java.time.Instant;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.serde.PayloadTypes;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore.Cache;
import org.junit.jupiter.api.Test;

/**
 * How a consumer built against release 1 of the event envelope meets records of release 2: it takes
 * the new released schema (the writer's, by fingerprint) and keeps its own reader schema.
 */
class OldReaderTest {

    private static final Schema RELEASE_1 = SchemaStore.released("EventEnvelope").get(0);

    @Test
    void readsAKnownPayloadTypeWrittenByTheNewRelease() throws Exception {
        byte[] bytes = new EventEnvelopeSerializer().serialize("t", envelope(InvoiceAccepted.newBuilder()
                .setKsefNumber("5265877635-20250826-0100001AF629-AF").setInvoiceHash("h")
                .setSessionReferenceNumber("s").setInvoiceReferenceNumber("i").build()));

        GenericRecord read = oldReader().decode(ByteBuffer.wrap(bytes));

        assertThat(((GenericRecord) read.get("payload")).getSchema().getName()).isEqualTo("InvoiceAccepted");
        assertThat(((GenericRecord) read.get("payload")).get("ksefNumber").toString())
                .isEqualTo("5265877635-20250826-0100001AF629-AF");
    }

    @Test
    void wouldMistakeANewPayloadTypeForALookAlikeSoTheHeaderMustBeCheckedFirst() throws Exception {
        byte[] bytes = new EventEnvelopeSerializer().serialize("t", envelope(InvoiceSent.newBuilder()
                .setSessionReferenceNumber("s").setInvoiceHash("h").build()));

        GenericRecord read = oldReader().decode(ByteBuffer.wrap(bytes));

        assertThat(((GenericRecord) read.get("payload")).getSchema().getName()).isEqualTo("SessionOpened");
        assertThat(PayloadTypes.of(RELEASE_1).knows("InvoiceSent")).isFalse();
        assertThat(PayloadTypes.of(RELEASE_1).knows("InvoiceAccepted")).isTrue();
    }

    @Test
    void theDeserializerRefusesAMessageTypeItDoesNotKnowBeforeDecoding() {
        byte[] bytes = new EventEnvelopeSerializer().serialize("t", envelope(InvoiceSent.newBuilder()
                .setSessionReferenceNumber("s").setInvoiceHash("h").build()));
        RecordHeaders headers = new RecordHeaders();
        MessageHeaders.put(headers, MessageHeaders.MESSAGE_TYPE, "SomethingFromRelease9");

        assertThatThrownBy(() -> new EventEnvelopeDeserializer().deserialize("t", headers, bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("SomethingFromRelease9");
    }

    private static BinaryMessageDecoder<GenericRecord> oldReader() {
        Cache store = new Cache();
        SchemaStore.released("EventEnvelope").forEach(store::addSchema);
        return new BinaryMessageDecoder<>(GenericData.get(), RELEASE_1, store);
    }

    private static EventEnvelope envelope(Object payload) {
        return EventEnvelope.newBuilder().setMessageId("e").setTenantId("t").setCorrelationId("c")
                .setOccurredAt(Instant.parse("2026-12-01T10:00:00Z")).setSource("tenant-worker")
                .setAudit(AuditInfo.newBuilder().setOperation("ksef.invoice.send").build()).setPayload(payload).build();
    }
}
