package dev.ksefplatform.sync.projection.domain;

import java.time.Instant;

/** The XML of an accepted invoice, exactly as the platform sent it to KSeF. */
public record InvoiceDocumentSent(EventMeta meta, String ksefNumber, String sessionReferenceNumber, Instant acquiredAt,
                                  String sha256, byte[] xml) implements SyncEvent {
}
