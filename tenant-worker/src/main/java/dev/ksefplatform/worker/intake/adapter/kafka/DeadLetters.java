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
final class DeadLetters {

    private static final String UNKNOWN = "unknown";

    private final EventEncoder encoder;
    private final EventFactory events;

    DeadLetters(EventEncoder encoder, EventFactory events) {
        this.encoder = encoder;
        this.events = events;
    }

    List<EventEncoder.Encoded> of(ConsumerRecord<String, byte[]> record, String reason) {
        CommandRef ref = ref(record);
        WorkerEvent event = events.event(ref, new WorkerEvent.Audit(WorkerEvent.Audit.DEAD_LETTER, null, null, null,
                null, reason, null, null, CommandRef.Actor.WORKER), new WorkerEvent.CommandDeadLettered(reason,
                record.topic(), record.partition(), record.offset()));
        return List.of(deadLetter(record, reason, ref), encoder.encode(event));
    }

    private static EventEncoder.Encoded deadLetter(ConsumerRecord<String, byte[]> record, String reason, CommandRef ref) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        headers.put(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
        headers.put(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
        headers.put(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        headers.put(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(reason));
        return new EventEncoder.Encoded(Topics.COMMANDS_DLT.name(), ref.tenantId(), ref.commandId(),
                record.value() == null ? new byte[0] : record.value(), headers);
    }

    private static CommandRef ref(ConsumerRecord<String, byte[]> record) {
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
