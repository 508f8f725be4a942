package dev.ksefplatform.worker.submission.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.CommandEnvelope;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import dev.ksefplatform.schemas.v1.FormCode;
import dev.ksefplatform.schemas.v1.InvoiceAccepted;
import dev.ksefplatform.schemas.v1.InvoiceDocument;
import dev.ksefplatform.schemas.v1.InvoiceSubmissionAbandoned;
import dev.ksefplatform.schemas.v1.KsefCallFailed;
import dev.ksefplatform.schemas.v1.SubmitInvoice;
import dev.ksefplatform.schemas.v1.SyncInbox;
import dev.ksefplatform.worker.submission.application.AccessToken;
import dev.ksefplatform.worker.submission.application.EventFactory;
import dev.ksefplatform.worker.submission.application.FailedCommands;
import dev.ksefplatform.worker.submission.application.KsefSubmissions.KsefReceipt;
import dev.ksefplatform.worker.submission.application.Lease;
import dev.ksefplatform.worker.submission.application.SubmitInvoiceHandler;
import dev.ksefplatform.worker.submission.application.TransientFailure;
import dev.ksefplatform.worker.submission.domain.FinalInvoiceStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

class CommandProcessorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String NIP = "5265877635";

    private final List<ProducerRecord<String, Object>> sentAtOnce = new ArrayList<>();
    private Supplier<Lease> lease = () -> new Lease("lease-1", new AccessToken("token"), NOW.plusSeconds(600));
    private final KafkaWorkerEvents events = new KafkaWorkerEvents();
    private final EventFactory eventFactory = new EventFactory(() -> UUID.randomUUID().toString(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final CommandProcessor processor = new CommandProcessor(
            new SubmitInvoiceHandler(request -> lease.get(), (submission, token) -> accepted(),
                    events, eventFactory, Clock.fixed(NOW, ZoneOffset.UTC)),
            new FailedCommands(events, eventFactory), events, 3, sentAtOnce::addAll);

    @Test
    void anAcceptedCommandReturnsItsEventsToBeCommittedWithItsOffset() {
        CommandEnvelope command = submitInvoice();

        List<ProducerRecord<String, Object>> produced = processor.process(record(command), 1);

        assertThat(produced).extracting(ProducerRecord::topic).containsOnly(Topics.EVENTS.name());
        assertThat(produced).extracting(ProducerRecord::key).containsOnly("tenant-1");
        assertThat(payloads(produced)).last().isInstanceOf(InvoiceAccepted.class);
        assertThat(produced).allSatisfy(r -> assertThat(MessageHeaders.get(r.headers(), MessageHeaders.CAUSATION_ID))
                .hasValue(command.getMessageId()));
        assertThat(sentAtOnce).isEmpty();
    }

    @Test
    void aTransientFailureWithAttemptsLeftIsRetriedLaterAndItsAttemptRecordedAtOnce() {
        TransientFailure unavailable = new TransientFailure("credential-service answered HTTP 503",
                Duration.ofSeconds(4), 503, null);
        lease = () -> {
            throw unavailable;
        };

        assertThatThrownBy(() -> processor.process(record(submitInvoice()), 2))
                .isInstanceOf(RetryLater.class).hasCause(unavailable);

        assertThat(payloads(sentAtOnce)).singleElement().isInstanceOfSatisfying(KsefCallFailed.class, failed -> {
            assertThat(failed.getAttempt()).isEqualTo(2);
            assertThat(failed.getRetryable()).isTrue();
            assertThat(failed.getErrorCode()).isEqualTo(503);
        });
    }

    @Test
    void theLastFailedAttemptDeadLettersTheCommandAndAbandonsItInTheSameTransaction() {
        lease = () -> {
            throw new TransientFailure("credential-service answered HTTP 503", null, 503, null);
        };
        CommandEnvelope command = submitInvoice();

        List<ProducerRecord<String, Object>> produced = processor.process(record(command), 3);

        assertThat(produced).extracting(ProducerRecord::topic)
                .containsExactly(Topics.EVENTS.name(), Topics.COMMANDS_DLT.name(), Topics.EVENTS.name());
        assertThat(((EventEnvelope) produced.get(0).value()).getPayload()).isInstanceOfSatisfying(
                KsefCallFailed.class, failed -> assertThat(failed.getRetryable()).isFalse());
        ProducerRecord<String, Object> dead = produced.get(1);
        assertThat(dead.key()).isEqualTo("tenant-1");
        assertThat(dead.value()).isEqualTo(command);
        assertThat(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value())
                .isEqualTo(ByteBuffer.allocate(Long.BYTES).putLong(42).array());
        assertThat(((EventEnvelope) produced.get(2).value()).getPayload()).isInstanceOfSatisfying(
                InvoiceSubmissionAbandoned.class, abandoned -> {
                    assertThat(abandoned.getAttempts()).isEqualTo(3);
                    assertThat(abandoned.getReason()).startsWith("retries exhausted");
                });
        assertThat(sentAtOnce).isEmpty();
    }

    @Test
    void anUndecodableRecordIsDeadLetteredWithItsOriginalBytesAtOnce() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, Object> record = new ConsumerRecord<>(Topics.COMMANDS.name(), 1, 7, "tenant-e", null);
        MessageHeaders.put(record.headers(), MessageHeaders.MESSAGE_ID, "msg-7");
        SerializationUtils.deserializationException(record.headers(), garbage,
                new DeserializationException("failed to deserialize", garbage, false, null), false);

        List<ProducerRecord<String, Object>> produced = processor.process(record, 1);

        assertThat(produced).hasSize(2);
        assertThat(produced.get(0).topic()).isEqualTo(Topics.COMMANDS_DLT.name());
        assertThat(produced.get(0).value()).isEqualTo(garbage);
        assertThat(produced.get(0).headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER))
                .isNull();
        EventEnvelope event = (EventEnvelope) produced.get(1).value();
        assertThat(event.getPayload()).isInstanceOf(CommandDeadLettered.class);
        assertThat(event.getTenantId()).isEqualTo("tenant-e");
        assertThat(event.getCorrelationId()).isEqualTo("msg-7");
    }

    @Test
    void anUnsupportedCommandIsDeadLetteredSayingSoWithoutRetrying() {
        CommandEnvelope command = envelope(SyncInbox.newBuilder().setContextNip(NIP).build());

        List<ProducerRecord<String, Object>> produced = processor.process(record(command), 1);

        assertThat(produced).extracting(ProducerRecord::topic)
                .containsExactly(Topics.COMMANDS_DLT.name(), Topics.EVENTS.name());
        assertThat(((EventEnvelope) produced.get(1).value()).getPayload()).isInstanceOfSatisfying(
                CommandDeadLettered.class, dead -> assertThat(dead.getReason()).contains("not supported yet"));
    }

    private static List<Object> payloads(List<ProducerRecord<String, Object>> records) {
        return records.stream().map(r -> ((EventEnvelope) r.value()).getPayload()).toList();
    }

    private static ConsumerRecord<String, Object> record(CommandEnvelope command) {
        return new ConsumerRecord<>(Topics.COMMANDS.name(), 0, 42, command.getTenantId(), command);
    }

    private static CommandEnvelope submitInvoice() {
        byte[] xml = "<Faktura/>".getBytes(StandardCharsets.UTF_8);
        return envelope(SubmitInvoice.newBuilder().setContextNip(NIP).setFormCode(FormCode.newBuilder().build())
                .setInvoice(InvoiceDocument.newBuilder().setXml(ByteBuffer.wrap(xml)).setSha256("hash")
                        .setInvoiceNumber("FA/1").setSellerNip(NIP).build())
                .build());
    }

    private static CommandEnvelope envelope(Object payload) {
        String id = UUID.randomUUID().toString();
        return CommandEnvelope.newBuilder().setMessageId(id).setTenantId("tenant-1").setCorrelationId(id)
                .setOccurredAt(NOW).setSource("test").setPayload(payload).build();
    }

    private static KsefReceipt accepted() {
        return new KsefReceipt("session-1", NOW.plusSeconds(3600), true, new FinalInvoiceStatus("session-1",
                "invoice-1", "hash", 200, "OK", List.of(), Map.of(), NIP + "-20261122-0123456789AB-CD", "FA/1",
                NOW, "https://upo"));
    }
}
