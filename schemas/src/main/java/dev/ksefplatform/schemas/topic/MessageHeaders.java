package dev.ksefplatform.schemas.topic;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Kafka header names: the envelope's ids travel here too, so tools can route without decoding Avro. */
public final class MessageHeaders {

    public static final String MESSAGE_ID = "ksef-message-id";
    public static final String TENANT_ID = "ksef-tenant-id";
    public static final String CORRELATION_ID = "ksef-correlation-id";
    public static final String CAUSATION_ID = "ksef-causation-id";
    /** The payload's wire name, see {@link MessageTypes}. */
    public static final String MESSAGE_TYPE = "ksef-message-type";
    public static final String SOURCE = "ksef-source";
    /**
     * On a command re-published by an operator's re-drive: the dead letter it came from, as
     * {@code topic-partition@offset}. The worker takes such a command again only if it dead-lettered it unsent.
     */
    public static final String REDRIVE_OF = "ksef-redrive-of";

    private MessageHeaders() {
    }

    public static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static Optional<String> get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
