package dev.ksefplatform.sync.schedule.application;

import java.time.Instant;

/** A command ready for {@code ksef.commands.v1}: its encoded record and the ids its headers carry. */
public record OutboxMessage(long id, String messageId, String tenantId, String correlationId, String messageType,
                            String source, byte[] record, Instant createdAt) {

    public static final long NOT_STORED = -1;
}
