package dev.ksefplatform.commandapi.submission.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ksefplatform.commandapi.submission.domain.InvoiceDocument;
import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import dev.ksefplatform.schemas.serde.CommandEnvelopeDeserializer;
import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class SubmitInvoiceRecordsTest {

    private static final byte[] XML = "<Faktura/>".getBytes(StandardCharsets.UTF_8);
    private static final InvoiceSubmission SUBMISSION = new InvoiceSubmission("c0ffee00-0000-4000-8000-000000000001",
            "7e4a0000-0000-4000-8000-000000000002", "TEST", "5265877635",
            new InvoiceDocument(XML, "aGFzaA==", "FA/1/2026", "5265877635"), Instant.parse("2026-06-05T10:00:00Z"));

    @Test
    void keysByTenantAndCarriesTheIdsAsHeaders() {
        ProducerRecord<String, CommandEnvelope> record = SubmitInvoiceRecords.of("ksef.commands.v1", SUBMISSION);

        assertThat(record.key()).isEqualTo(SUBMISSION.tenantId());
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_ID)).contains(SUBMISSION.commandId());
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.CORRELATION_ID)).contains(SUBMISSION.commandId());
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.TENANT_ID)).contains(SUBMISSION.tenantId());
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_TYPE)).contains("SubmitInvoice");
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.SOURCE)).contains("command-api");
        assertThat(MessageHeaders.get(record.headers(), MessageHeaders.CAUSATION_ID)).isEmpty();
    }

    @Test
    void survivesTheWireAsASubmitInvoiceEnvelope() {
        CommandEnvelope sent = SubmitInvoiceRecords.envelope(SUBMISSION);
        byte[] wire = new CommandEnvelopeSerializer().serialize("ksef.commands.v1", sent);

        CommandEnvelope received = new CommandEnvelopeDeserializer().deserialize("ksef.commands.v1", wire);

        assertThat(received.getMessageId()).isEqualTo(SUBMISSION.commandId());
        assertThat(received.getCorrelationId()).isEqualTo(SUBMISSION.commandId());
        assertThat(received.getOccurredAt()).isEqualTo(SUBMISSION.acceptedAt());
        assertThat(received.getSource()).isEqualTo("command-api");
        SubmitInvoice payload = (SubmitInvoice) received.getPayload();
        assertThat(payload.getEnvironment()).isEqualTo("TEST");
        assertThat(payload.getContextNip()).isEqualTo("5265877635");
        assertThat(payload.getFormCode().getSystemCode()).isEqualTo("FA (3)");
        assertThat(payload.getFormCode().getValue()).isEqualTo("FA");
        assertThat(payload.getInvoice().getInvoiceNumber()).isEqualTo("FA/1/2026");
        assertThat(payload.getInvoice().getSha256()).isEqualTo("aGFzaA==");
        assertThat(StandardCharsets.UTF_8.decode(payload.getInvoice().getXml()).toString()).isEqualTo("<Faktura/>");
    }
}
