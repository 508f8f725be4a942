package dev.ksefplatform.worker.submission.adapter.kafka;

import dev.ksefplatform.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Builds {@code ksef.commands.v1-dlt} records: same key, the original headers, and spring-kafka's
 * {@code kafka_dlt-*} headers saying where the command came from and why it ended there.
 */
final class DeadLetters {

    private static final LogAccessor LOG = new LogAccessor(LogFactory.getLog(DeadLetters.class));

    private DeadLetters() {
    }

    /** The failure of {@code ErrorHandlingDeserializer} when the value could not be decoded. */
    static Optional<Undecodable> undecodable(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
        if (header == null) {
            return Optional.empty();
        }
        DeserializationException exception = SerializationUtils.byteArrayToDeserializationException(LOG, header);
        return Optional.of(exception == null
                ? new Undecodable(null, "value could not be deserialized")
                : new Undecodable(exception.getData(), exception.getMessage()));
    }

    /**
     * @param value what to write: the original bytes of an undecodable record, or the decoded command
     */
    static ProducerRecord<String, Object> of(ConsumerRecord<String, Object> record, Object value, Throwable cause) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(SerializationUtils.DESERIALIZER_EXCEPTION_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(record.topic()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES)
                .putInt(record.partition()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(cause.getClass().getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(String.valueOf(cause.getMessage())));
        // no partition: the producer places it by key, whatever the DLT's partition count
        return new ProducerRecord<>(Topics.COMMANDS_DLT.name(), null, record.key(), value, headers);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    record Undecodable(byte[] data, String reason) {
    }
}
