package dev.ksefplatform.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.schemas.serde.CommandEnvelopeDeserializer;
import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeDeserializer;
import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.serde.SchemaStore;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceDocument;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SingleObjectSerdeTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:15:30.123Z");

    @Test
    void writesTheSingleObjectHeaderWithTheReleasedFingerprint() {
        byte[] bytes = new CommandEnvelopeSerializer().serialize("t", command());

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaStore.fingerprint(SchemaStore.latestReleased("CommandEnvelope")));
    }

    @Test
    void roundTripsACommand() {
        CommandEnvelope sent = command();

        CommandEnvelope received = new CommandEnvelopeDeserializer()
                .deserialize("t", new CommandEnvelopeSerializer().serialize("t", sent));

        assertThat(received).isEqualTo(sent);
        SubmitInvoice payload = (SubmitInvoice) received.getPayload();
        assertThat(StandardCharsets.UTF_8.decode(payload.getInvoice().getXml()).toString()).isEqualTo("<Faktura/>");
        assertThat(received.getOccurredAt()).isEqualTo(NOW.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void roundTripsAnEvent() {
        EventEnvelope sent = EventEnvelope.newBuilder()
                .setMessageId("e-1").setTenantId("tenant-a").setCorrelationId("c-1").setCausationId("c-1")
                .setOccurredAt(NOW).setSource("tenant-worker")
                .setAudit(AuditInfo.newBuilder().setOperation("ksef.invoice.submit").setHttpStatus(200).setDurationMillis(42L).build())
                .setPayload(InvoiceAccepted.newBuilder().setKsefNumber("5265877635-20250826-0100001AF629-AF")
                        .setInvoiceHash("h").setSessionReferenceNumber("s").setInvoiceReferenceNumber("i").build())
                .build();

        EventEnvelope received = new EventEnvelopeDeserializer().deserialize("t", new EventEnvelopeSerializer().serialize("t", sent));

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void refusesAnUnknownFingerprint() {
        byte[] bytes = new CommandEnvelopeSerializer().serialize("t", command());
        bytes[5] ^= 0x5A;

        assertThatThrownBy(() -> new CommandEnvelopeDeserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void refusesBytesThatAreNotSingleObjectEncoded() {
        byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new CommandEnvelopeDeserializer().deserialize("t", garbage))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void refusesATruncatedRecord() {
        byte[] bytes = new CommandEnvelopeSerializer().serialize("t", command());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 20);

        assertThatThrownBy(() -> new CommandEnvelopeDeserializer().deserialize("t", truncated))
                .isInstanceOf(SerializationException.class);
    }

    private static CommandEnvelope command() {
        return CommandEnvelope.newBuilder()
                .setMessageId("m-1").setTenantId("tenant-a").setCorrelationId("m-1")
                .setOccurredAt(NOW).setSource("command-api")
                .setPayload(SubmitInvoice.newBuilder().setContextNip("5265877635")
                        .setFormCode(FormCode.newBuilder().build())
                        .setInvoice(InvoiceDocument.newBuilder()
                                .setXml(ByteBuffer.wrap("<Faktura/>".getBytes(StandardCharsets.UTF_8)))
                                .setSha256("x").setSellerNip("5265877635").setInvoiceNumber("FV/1").build())
                        .build())
                .build();
    }
}
