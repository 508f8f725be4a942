package dev.ksefplatform.sync.projection.domain;

import java.time.Instant;

/** Who an event belongs to and where it sits in its flow. */
public record EventMeta(String eventId, String tenantId, String correlationId, Instant occurredAt) {
}
