package dev.ksefplatform.commandapi.upstream.adapter.kafka;

import dev.ksefplatform.schemas.serde.EventEnvelopeSerializer;
import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.MessageTypes;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.schemas.v1.Actor;
import dev.ksefplatform.schemas.v1.AuditInfo;
import dev.ksefplatform.schemas.v1.CommandDeadLettered;
import dev.ksefplatform.schemas.v1.EventEnvelope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A refused ingress record goes to its system's dead-letter topic as it came (key, bytes, headers, plus where from and
 * why in spring-kafka's {@code kafka_dlt-*} headers), with a {@code CommandDeadLettered} event naming the reason —
 * both acknowledged before the record's offset is committed. The event's id is derived from the record's position, so
 * a record refused again after a crash makes the same event, which consumers de-duplicate. The event belongs to the
 * tenant only when the system may act for it; otherwise to {@code upstream:<system>}, so no system can write into a
 * tenant's view by naming it.
 */
public final class IngressRefusals {

    static final String OPERATION = "command.dead-letter";
    private static final String SOURCE = "command-api";

    private final Producer<String, byte[]> producer;
    private final EventEnvelopeSerializer events = new EventEnvelopeSerializer();
    private final Clock clock;
    private final Duration timeout;

    public IngressRefusals(Producer<String, byte[]> producer, Clock clock, Duration timeout) {
        this.producer = producer;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** @param tenantId the tenant the event belongs to, or null for the system's own */
    void refuse(ConsumerRecord<String, byte[]> record, String systemId, String messageId, String tenantId,
                String reason) {
        String owner = tenantId != null ? tenantId : "upstream:" + systemId;
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        String correlation = messageId != null ? messageId : position;
        EventEnvelope event = EventEnvelope.newBuilder()
                .setMessageId(UUID.nameUUIDFromBytes(("refused " + position).getBytes(StandardCharsets.UTF_8)).toString())
                .setTenantId(owner).setCorrelationId(correlation).setCausationId(messageId)
                .setOccurredAt(clock.instant()).setSource(SOURCE)
                .setAudit(AuditInfo.newBuilder().setOperation(OPERATION).setError(reason)
                        .setActor(Actor.newBuilder().setType("UPSTREAM").setId(systemId).build()).build())
                .setPayload(CommandDeadLettered.newBuilder().setReason(reason).setTopic(record.topic())
                        .setPartition(record.partition()).setOffset(record.offset()).build())
                .build();
        await(producer.send(deadLetter(record, systemId, messageId, reason)));
        await(producer.send(eventRecord(event)));
    }

    private ProducerRecord<String, byte[]> eventRecord(EventEnvelope event) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.EVENTS.name(), event.getTenantId(),
                events.serialize(Topics.EVENTS.name(), event));
        MessageHeaders.put(out.headers(), MessageHeaders.MESSAGE_ID, event.getMessageId());
        MessageHeaders.put(out.headers(), MessageHeaders.TENANT_ID, event.getTenantId());
        MessageHeaders.put(out.headers(), MessageHeaders.CORRELATION_ID, event.getCorrelationId());
        MessageHeaders.put(out.headers(), MessageHeaders.MESSAGE_TYPE, MessageTypes.of(event.getPayload()));
        MessageHeaders.put(out.headers(), MessageHeaders.SOURCE, SOURCE);
        return out;
    }

    private static ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String systemId,
                                                             String messageId, String reason) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(IngressTopics.deadLetters(systemId), record.key(),
                record.value());
        for (Header header : record.headers()) {
            out.headers().add(header);
        }
        if (messageId != null && MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_ID).isEmpty()) {
            MessageHeaders.put(out.headers(), MessageHeaders.MESSAGE_ID, messageId); // found by the id in the envelope
        }
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_PARTITION,
                ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        out.headers().add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        out.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private void await(java.util.concurrent.Future<?> sent) {
        try {
            sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a refusal could not be written to Kafka; the record is retried", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
