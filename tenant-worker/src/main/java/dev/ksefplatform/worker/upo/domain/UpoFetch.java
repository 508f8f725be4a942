package dev.ksefplatform.worker.upo.domain;

import dev.ksefplatform.worker.engine.domain.CommandRef;
import dev.ksefplatform.worker.engine.domain.LaneKey;
import java.time.Instant;

/**
 * An accepted invoice whose sent XML and UPO are still to be published. {@code upoUrl} is the pre-signed link KSeF
 * gave last (it expires); {@code invoiceRef} is null for an invoice of a batch until the session's list names it;
 * {@code createdAt} is when the invoice was accepted (the row written).
 */
public record UpoFetch(CommandRef ref, LaneKey lane, String ksefNumber, String invoiceNumber, String invoiceHash,
                       String sessionRef, String invoiceRef, Instant acquiredAt, String upoUrl, String integrationId,
                       String providerNip, boolean documentStored, int attempts, Instant createdAt) {

    public UpoFetch withUpoUrl(String url) {
        return new UpoFetch(ref, lane, ksefNumber, invoiceNumber, invoiceHash, sessionRef, invoiceRef, acquiredAt, url,
                integrationId, providerNip, documentStored, attempts, createdAt);
    }

    public UpoFetch withDocumentStored() {
        return new UpoFetch(ref, lane, ksefNumber, invoiceNumber, invoiceHash, sessionRef, invoiceRef, acquiredAt,
                upoUrl, integrationId, providerNip, true, attempts, createdAt);
    }
}
