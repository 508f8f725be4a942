package dev.ksefplatform.worker.engine.application;

import dev.ksefplatform.worker.engine.domain.WorkerEvent;
import java.util.Map;

/** Turns an event into the record the outbox keeps and the relay publishes (the wire format stays in the adapter). */
@FunctionalInterface
public interface EventEncoder {

    Encoded encode(WorkerEvent event);

    /** A record to publish: topic, key, id, value and headers, exactly as it will travel. */
    record Encoded(String topic, String key, String messageId, byte[] value, Map<String, byte[]> headers) {
    }
}
