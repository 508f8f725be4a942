package dev.ksefplatform.sync.inbox.domain;

import dev.ksefplatform.sync.projection.domain.InvoiceReceived;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds received invoices into the immutable store and the inbox: a document is stored once per tenant and KSeF
 * number (the first delivery wins; the store's key refuses later ones), never changed.
 */
public final class InboxFold {

    private InboxFold() {
    }

    /** One received invoice, with the facts read from its XML, or what the event says when they could not be read. */
    public static ReceivedDocument receive(InvoiceReceived e, ParsedInvoice parsed) {
        Direction direction = Direction.of(e.subjectType());
        Instant receivedAt = e.meta().occurredAt();
        RawDocument raw = new RawDocument(e.meta().tenantId(), e.ksefNumber(), direction, e.subjectType(),
                e.permanentStorageDate(), e.invoiceHash(), e.xml(), e.meta().eventId(), receivedAt);
        InvoiceFacts facts = parsed.facts() != null ? parsed.facts() : new InvoiceFacts(e.sellerNip(), null, null,
                null, e.invoiceNumber(), e.issueDate(), null, null, null, null, null);
        Instant listedAt = e.permanentStorageDate() != null ? e.permanentStorageDate() : receivedAt;
        return new ReceivedDocument(raw, new InboxEntry(e.meta().tenantId(), e.ksefNumber(), e.subjectType(),
                direction, facts, e.permanentStorageDate(), listedAt, receivedAt, e.invoiceHash(), parsed.problem()));
    }

    /** The documents of a batch, once per tenant and KSeF number, in log order. */
    public static List<ReceivedDocument> distinct(List<ReceivedDocument> received) {
        Map<String, ReceivedDocument> first = new LinkedHashMap<>();
        received.forEach(d -> first.putIfAbsent(d.raw().tenantId() + "\n" + d.raw().ksefNumber(), d));
        return List.copyOf(first.values());
    }

    /** The facts read from a document's XML, or why they could not be. */
    public record ParsedInvoice(InvoiceFacts facts, String problem) {

        public static ParsedInvoice read(InvoiceFacts facts) {
            return new ParsedInvoice(facts, null);
        }

        public static ParsedInvoice unreadable(String problem) {
            return new ParsedInvoice(null, problem);
        }
    }
}
