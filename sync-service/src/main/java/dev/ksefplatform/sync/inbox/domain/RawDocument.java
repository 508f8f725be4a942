package dev.ksefplatform.sync.inbox.domain;

import java.time.Instant;

/**
 * A document exactly as KSeF served it, with its SHA-256 (Base64) and KSeF's acquisition date (its
 * permanentStorageDate); stored once, never changed.
 */
public record RawDocument(String tenantId, String ksefNumber, Direction direction, String subjectType,
                          Instant acquisitionDate, String sha256, byte[] xml, String eventId, Instant receivedAt) {
}
