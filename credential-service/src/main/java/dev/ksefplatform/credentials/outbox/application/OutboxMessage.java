package dev.ksefplatform.credentials.outbox.application;

import java.time.Instant;

/** One event waiting in the outbox: its id, Kafka key and encoded envelope, in {@code seq} order. */
public record OutboxMessage(long seq, String messageId, String key, byte[] envelope, Instant createdAt) {

    /** A message not yet written: the database assigns its {@code seq}. */
    public static OutboxMessage unsaved(String messageId, String key, byte[] envelope, Instant createdAt) {
        return new OutboxMessage(0, messageId, key, envelope, createdAt);
    }

    @Override
    public String toString() {
        return "OutboxMessage[seq=" + seq + ", messageId=" + messageId + ", key=" + key + "]";
    }
}
