package dev.ksefplatform.sync.document.domain;

import dev.ksefplatform.sync.inbox.domain.Direction;
import dev.ksefplatform.sync.inbox.domain.RawDocument;
import dev.ksefplatform.sync.projection.domain.InvoiceDocumentSent;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import dev.ksefplatform.sync.projection.domain.UpoFetched;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's outgoing documents as rows of the immutable stores, one per (tenant, KSeF number): the first one wins, as
 * the stores keep the first row too. A sent invoice is {@code OUTGOING} with subject type {@code Subject1} (the tenant
 * is its seller), as an invoice of the tenant's found by an inbox sync of {@code Subject1} is.
 */
public final class OutgoingFold {

    public static final String SELLER_SUBJECT = "Subject1";

    private OutgoingFold() {
    }

    public static List<RawDocument> sent(List<SyncEvent> events) {
        Map<String, RawDocument> rows = new LinkedHashMap<>();
        events.stream().filter(InvoiceDocumentSent.class::isInstance).map(InvoiceDocumentSent.class::cast)
                .forEach(e -> rows.putIfAbsent(e.meta().tenantId() + "/" + e.ksefNumber(), new RawDocument(
                        e.meta().tenantId(), e.ksefNumber(), Direction.OUTGOING, SELLER_SUBJECT, e.acquiredAt(),
                        e.sha256(), e.xml(), e.meta().eventId(), e.meta().occurredAt())));
        return List.copyOf(rows.values());
    }

    public static List<UpoDocument> upos(List<SyncEvent> events) {
        Map<String, UpoDocument> rows = new LinkedHashMap<>();
        events.stream().filter(UpoFetched.class::isInstance).map(UpoFetched.class::cast)
                .forEach(e -> rows.putIfAbsent(e.meta().tenantId() + "/" + e.ksefNumber(), new UpoDocument(
                        e.meta().tenantId(), e.ksefNumber(), e.sessionReferenceNumber(), e.sha256(), e.upo(),
                        e.meta().eventId(), e.meta().occurredAt())));
        return List.copyOf(rows.values());
    }
}
