package dev.ksefplatform.sync.projection.domain;

import java.time.Instant;

/**
 * Who an event belongs to and where it sits in its flow. {@code contextNip} is the envelope's
 * {@code audit.tenantNip}, the KSeF context the event is about (null when the producer did not say).
 */
public record EventMeta(String eventId, String tenantId, String correlationId, Instant occurredAt, String contextNip) {
}
