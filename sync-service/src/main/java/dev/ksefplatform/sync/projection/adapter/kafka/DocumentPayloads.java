package dev.ksefplatform.sync.projection.adapter.kafka;

import dev.ksefplatform.schemas.v1.SentInvoiceStored;
import dev.ksefplatform.schemas.v1.UpoReceived;
import dev.ksefplatform.sync.projection.domain.EventMeta;
import dev.ksefplatform.sync.projection.domain.InvoiceDocumentSent;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import dev.ksefplatform.sync.projection.domain.UpoFetched;
import java.util.Optional;

/**
 * Outgoing documents: the XML as sent and the UPO. Bytes that do not hash to their declared SHA-256 are poison, as for
 * received documents; a UPO of a session page (no KSeF number) is not an invoice's and is not kept here.
 */
final class DocumentPayloads {

    private DocumentPayloads() {
    }

    static Optional<SyncEvent> toDomain(EventMeta meta, Object payload) {
        if (payload instanceof SentInvoiceStored p) {
            byte[] xml = InboxPayloads.bytes(p.getXml());
            InboxPayloads.requireHash(meta, xml, p.getSha256());
            return Optional.of(new InvoiceDocumentSent(meta, p.getKsefNumber(), p.getSessionReferenceNumber(),
                    p.getAcquiredAt(), p.getSha256(), xml));
        }
        if (payload instanceof UpoReceived p && p.getKsefNumber() != null) {
            byte[] upo = InboxPayloads.bytes(p.getUpo());
            InboxPayloads.requireHash(meta, upo, p.getSha256());
            return Optional.of(new UpoFetched(meta, p.getKsefNumber(), p.getSessionReferenceNumber(), p.getSha256(),
                    upo));
        }
        return Optional.empty();
    }
}
