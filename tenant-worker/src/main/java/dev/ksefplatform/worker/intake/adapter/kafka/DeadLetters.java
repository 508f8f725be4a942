package dev.ksefplatform.worker.intake.adapter.kafka;

import dev.ksefplatform.schemas.topic.MessageHeaders;
import dev.ksefplatform.schemas.topic.Topics;
import dev.ksefplatform.worker.engine.application.EventEncoder;
import dev.ksefplatform.worker.engine.application.EventFactory;
import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A command the worker cannot take goes to {@code ksef.commands.v1-dlt} as it came (same key, original bytes and
 * headers, plus spring-kafka's {@code kafka_dlt-*} headers saying where from and why) with a {@code
 * CommandDeadLettered} event — both through the outbox, in the transaction that takes its offset.
 */
public final class DeadLetters {

    private static final String UNKNOWN = "unknown";

    private final EventEncoder encoder;
    private final EventFactory events;

    public DeadLetters(EventEncoder encoder, EventFactory events) {
        this.encoder = encoder;
        this.events = events;
    }

    List<EventEncoder.Encoded> of(ConsumerRecord<String, byte[]> record, String reason) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return of(ref(record), new Origin(record.topic(), record.partition(), record.offset(), record.value(), headers),
                reason);
    }

    /** A command taken earlier and refused only now (its record kept as it came), with its event. */
    public List<EventEncoder.Encoded> of(CommandRef ref, Origin origin, String reason) {
        WorkerEvent event = events.event(ref, new WorkerEvent.Audit(WorkerEvent.Audit.DEAD_LETTER, null, null, null,
                null, reason, null, null, CommandRef.Actor.WORKER), new WorkerEvent.CommandDeadLettered(reason,
                origin.topic(), origin.partition(), origin.offset()));
        return List.of(deadLetter(origin, reason, ref), encoder.encode(event));
    }

    private static EventEncoder.Encoded deadLetter(Origin origin, String reason, CommandRef ref) {
        Map<String, byte[]> headers = new LinkedHashMap<>(origin.headers());
        headers.put(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(origin.topic()));
        headers.put(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(origin.partition()).array());
        headers.put(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(origin.offset()).array());
        headers.put(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(reason));
        return new EventEncoder.Encoded(Topics.COMMANDS_DLT.name(), ref.tenantId(), ref.commandId(),
                origin.value() == null ? new byte[0] : origin.value(), headers);
    }

    /** Where a dead-lettered command came from, and its bytes and headers as they came. */
    public record Origin(String topic, int partition, long offset, byte[] value, Map<String, byte[]> headers) {

        /** A command's record rebuilt from what the worker stored of it: its bytes and the platform's id headers. */
        public static Origin stored(CommandRef ref, String topic, int partition, long offset, byte[] value) {
            Map<String, byte[]> headers = new LinkedHashMap<>();
            headers.put(MessageHeaders.MESSAGE_ID, utf8(ref.commandId()));
            headers.put(MessageHeaders.TENANT_ID, utf8(ref.tenantId()));
            headers.put(MessageHeaders.CORRELATION_ID, utf8(ref.correlationId()));
            return new Origin(topic, partition, offset, value, headers);
        }
    }

    /** The command a record claims to be (its headers, else its position): a dead letter's ids, also in its log line. */
    static CommandRef ref(ConsumerRecord<String, byte[]> record) {
        String tenantId = record.key() != null ? record.key()
                : MessageHeaders.get(record.headers(), MessageHeaders.TENANT_ID).orElse(UNKNOWN);
        String messageId = MessageHeaders.get(record.headers(), MessageHeaders.MESSAGE_ID)
                .orElse(record.topic() + "-" + record.partition() + "@" + record.offset());
        return new CommandRef(messageId, tenantId,
                MessageHeaders.get(record.headers(), MessageHeaders.CORRELATION_ID).orElse(messageId), null);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
