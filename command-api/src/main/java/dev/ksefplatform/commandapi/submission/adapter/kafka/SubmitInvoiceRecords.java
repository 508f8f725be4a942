package dev.ksefplatform.commandapi.submission.adapter.kafka;

import dev.ksefplatform.commandapi.submission.domain.InvoiceDocument;
import dev.ksefplatform.commandapi.submission.domain.InvoiceSubmission;
import dev.ksefplatform.commandapi.submission.domain.Requester;
import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import java.nio.ByteBuffer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Maps an {@link InvoiceSubmission} to its {@code ksef.commands.v1} record: key, envelope and headers. */
final class SubmitInvoiceRecords {

    static final String SOURCE = "command-api";

    private SubmitInvoiceRecords() {
    }

    static ProducerRecord<String, CommandEnvelope> of(String topic, InvoiceSubmission submission) {
        CommandEnvelope envelope = envelope(submission);
        ProducerRecord<String, CommandEnvelope> record = new ProducerRecord<>(topic, submission.tenantId(), envelope);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, envelope.getMessageId());
        MessageHeaders.put(record.headers(), MessageHeaders.TENANT_ID, envelope.getTenantId());
        MessageHeaders.put(record.headers(), MessageHeaders.CORRELATION_ID, envelope.getCorrelationId());
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(envelope.getPayload()));
        MessageHeaders.put(record.headers(), MessageHeaders.SOURCE, envelope.getSource());
        return record;
    }

    static CommandEnvelope envelope(InvoiceSubmission submission) {
        return CommandEnvelope.newBuilder()
                .setMessageId(submission.commandId())
                .setTenantId(submission.tenantId())
                .setCorrelationId(submission.commandId())
                .setCausationId(null)
                .setOccurredAt(submission.acceptedAt())
                .setSource(SOURCE)
                .setActor(actor(submission))
                .setPayload(payload(submission))
                .build();
    }

    /** Who asked: the upstream system that published it, the console's person, or the tenant itself (its API key). */
    private static Actor actor(InvoiceSubmission submission) {
        if (submission.upstreamId() != null) {
            return Actor.newBuilder().setType("UPSTREAM").setId(submission.upstreamId()).build();
        }
        Requester person = submission.person();
        return person != null
                ? Actor.newBuilder().setType(person.type()).setId(person.id()).setOnBehalfOf(person.onBehalfOf()).build()
                : Actor.newBuilder().setType("TENANT").setId(submission.tenantId()).build();
    }

    private static SubmitInvoice payload(InvoiceSubmission submission) {
        InvoiceDocument invoice = submission.invoice();
        return SubmitInvoice.newBuilder()
                .setEnvironment(submission.environment())
                .setContextNip(submission.contextNip())
                .setFormCode(FormCode.newBuilder().build())
                .setInvoice(dev.ksefplatform.schemas.v1.InvoiceDocument.newBuilder()
                        .setXml(ByteBuffer.wrap(invoice.xml()))
                        .setSha256(invoice.sha256())
                        .setInvoiceNumber(invoice.invoiceNumber())
                        .setSellerNip(invoice.sellerNip())
                        .build())
                .build();
    }
}
