package dev.ksefplatform.worker.it;

import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceDocument;
import dev.ksefplatform.schemas.v1.InvoiceDuplicate;
import dev.ksefplatform.schemas.v1.InvoiceRejected;
import dev.ksefplatform.schemas.v1.InvoiceSubmissionAbandoned;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Commands as upstream systems publish them, and the questions tests ask of the events. */
final class Commands {

    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Commands() {
    }

    static CommandEnvelope submit(String tenantId, String nip) {
        return submit(tenantId, nip, uniqueNumber());
    }

    static CommandEnvelope submit(String tenantId, String nip, String number) {
        byte[] xml = Invoices.fa3(nip, number);
        String id = UUID.randomUUID().toString();
        return CommandEnvelope.newBuilder().setMessageId(id).setTenantId(tenantId).setCorrelationId(id)
                .setOccurredAt(Instant.now()).setSource("worker-it")
                .setPayload(SubmitInvoice.newBuilder().setContextNip(nip).setFormCode(FormCode.newBuilder().build())
                        .setInvoice(InvoiceDocument.newBuilder().setXml(ByteBuffer.wrap(xml))
                                .setSha256(Invoices.sha256(xml)).setSellerNip(nip)
                                .setInvoiceNumber(Invoices.p2(number)).build()).build())
                .build();
    }

    /** A {@code SyncInbox} as sync-service publishes it (Subject2: the context is the buyer). */
    static CommandEnvelope syncInbox(String tenantId, String contextNip, Instant fromHighWaterMark) {
        String id = UUID.randomUUID().toString();
        return CommandEnvelope.newBuilder().setMessageId(id).setCorrelationId(id).setTenantId(tenantId)
                .setOccurredAt(Instant.now()).setSource("sync-service")
                .setPayload(dev.ksefplatform.schemas.v1.SyncInbox.newBuilder().setContextNip(contextNip)
                        .setSubjectType("Subject2").setTrigger("REQUEST").setFromHighWaterMark(fromHighWaterMark)
                        .build()).build();
    }

    static String uniqueNumber() {
        return Long.toString(NUMBERS.incrementAndGet());
    }

    static boolean isFinal(Object payload) {
        return payload instanceof InvoiceAccepted || payload instanceof InvoiceRejected
                || payload instanceof InvoiceDuplicate || payload instanceof InvoiceSubmissionAbandoned
                || payload instanceof CommandDeadLettered;
    }

    static Predicate<ConsumerRecord<String, EventEnvelope>> outcomeOf(CommandEnvelope command) {
        return r -> command.getMessageId().equals(r.value().getCausationId()) && isFinal(r.value().getPayload());
    }

    static Predicate<ConsumerRecord<String, EventEnvelope>> eventOf(CommandEnvelope command, Class<?> type) {
        return r -> command.getMessageId().equals(r.value().getCausationId()) && type.isInstance(r.value().getPayload());
    }
}
