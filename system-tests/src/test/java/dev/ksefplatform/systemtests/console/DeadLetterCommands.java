package dev.ksefplatform.systemtests.console;

import dev.ksefplatform.deploy.SampleInvoices;
import dev.ksefplatform.schemas.serde.CommandEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.InvoiceDocument;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Commands an upstream system writes straight to {@code ksef.commands.v1}, for the dead letters the console shows. */
final class DeadLetterCommands {

    private DeadLetterCommands() {
    }

    /** A {@code SubmitInvoice} of the tenant in its NIP's context; its command id. */
    static String publishSubmitInvoice(String bootstrapServers, String tenantId, String nip) throws Exception {
        byte[] xml = SampleInvoices.fa3(nip, "FV/DLT/" + System.nanoTime(), LocalDate.now());
        String id = UUID.randomUUID().toString();
        CommandEnvelope command = CommandEnvelope.newBuilder().setMessageId(id).setTenantId(tenantId)
                .setCorrelationId(id).setOccurredAt(Instant.now()).setSource("erp-it")
                .setPayload(SubmitInvoice.newBuilder().setContextNip(nip).setFormCode(FormCode.newBuilder().build())
                        .setInvoice(InvoiceDocument.newBuilder().setXml(ByteBuffer.wrap(xml)).setSellerNip(nip)
                                .setSha256(Base64.getEncoder().encodeToString(
                                        MessageDigest.getInstance("SHA-256").digest(xml))).build()).build())
                .build();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(Topics.COMMANDS.name(), tenantId,
                    new CommandEnvelopeSerializer().serialize(Topics.COMMANDS.name(), command));
            MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, id);
            MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, tenantId);
            MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, id);
            producer.send(record).get();
        }
        return id;
    }
}
