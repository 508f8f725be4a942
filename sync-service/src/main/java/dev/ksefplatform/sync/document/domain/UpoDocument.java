package dev.ksefplatform.sync.document.domain;

import java.time.Instant;

/** The UPO of one accepted invoice exactly as KSeF served it, with its SHA-256 (Base64); stored once, never changed. */
public record UpoDocument(String tenantId, String ksefNumber, String sessionReferenceNumber, String sha256, byte[] xml,
                          String eventId, Instant receivedAt) {
}
