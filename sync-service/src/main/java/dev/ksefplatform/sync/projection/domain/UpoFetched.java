package dev.ksefplatform.sync.projection.domain;

/** The UPO of an accepted invoice, exactly as KSeF served it. */
public record UpoFetched(EventMeta meta, String ksefNumber, String sessionReferenceNumber, String sha256, byte[] upo)
        implements SyncEvent {
}
