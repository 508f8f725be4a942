package dev.ksefplatform.worker.outbox.application;

import java.util.Map;

/** One record waiting in the outbox, in the order it was decided. */
public record OutboxRecord(long id, String topic, String key, byte[] value, Map<String, byte[]> headers) {
}
