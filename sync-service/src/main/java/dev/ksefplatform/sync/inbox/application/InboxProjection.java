package dev.ksefplatform.sync.inbox.application;

import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.sync.inbox.domain.InboxFold;
import dev.ksefplatform.sync.inbox.domain.InboxFold.ParsedInvoice;
import dev.ksefplatform.sync.inbox.domain.ReceivedDocument;
import dev.ksefplatform.sync.projection.domain.InvoiceReceived;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Folds a batch's received invoices into the {@link DocumentStore} (as received) and the {@link InboxEntries}
 * (parsed); a document whose XML cannot be read is still stored, its inbox row saying why. The parsing and the
 * statements' assembly run on {@code folding}, never on the database connection's I/O thread: that thread serves
 * other connections too (the API's queries), which would wait seconds behind a window of 1,000 documents.
 */
public final class InboxProjection implements ReadModelUpdate<SyncEvent> {

    private final DocumentStore store;
    private final InboxEntries inbox;
    private final InvoiceFactsReader reader;
    private final Scheduler folding;

    public InboxProjection(DocumentStore store, InboxEntries inbox, InvoiceFactsReader reader, Scheduler folding) {
        this.store = store;
        this.inbox = inbox;
        this.reader = reader;
        this.folding = folding;
    }

    @Override
    public Mono<Void> apply(List<SyncEvent> events) {
        return Mono.defer(() -> {
            List<ReceivedDocument> received = InboxFold.distinct(events.stream()
                    .filter(InvoiceReceived.class::isInstance).map(InvoiceReceived.class::cast)
                    .map(e -> InboxFold.receive(e, parse(e.xml()))).toList());
            if (received.isEmpty()) {
                return Mono.empty();
            }
            return store.appendAll(received.stream().map(ReceivedDocument::raw).toList())
                    .then(inbox.insertAll(received.stream().map(ReceivedDocument::entry).toList()));
        }).subscribeOn(folding);
    }

    private ParsedInvoice parse(byte[] xml) {
        try {
            return ParsedInvoice.read(reader.read(xml));
        } catch (UnreadableInvoice e) {
            return ParsedInvoice.unreadable(e.getMessage());
        }
    }
}
