package dev.ksefplatform.sync.document.application;

import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.sync.document.domain.OutgoingFold;
import dev.ksefplatform.sync.inbox.application.DocumentStore;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.List;
import reactor.core.publisher.Mono;

/** Folds a batch's sent invoices into the document store (as sent) and its UPOs into the UPO store. */
public final class OutgoingDocumentProjection implements ReadModelUpdate<SyncEvent> {

    private final DocumentStore documents;
    private final UpoStore upos;

    public OutgoingDocumentProjection(DocumentStore documents, UpoStore upos) {
        this.documents = documents;
        this.upos = upos;
    }

    @Override
    public Mono<Void> apply(List<SyncEvent> events) {
        return Mono.defer(() -> documents.appendAll(OutgoingFold.sent(events))
                .then(upos.appendAll(OutgoingFold.upos(events))));
    }
}
