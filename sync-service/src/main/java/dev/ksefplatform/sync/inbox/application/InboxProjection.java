package dev.ksefplatform.sync.inbox.application;

import dev.ksefplatform.support.projection.application.ReadModelUpdate;
import dev.ksefplatform.sync.inbox.domain.InboxFold;
import dev.ksefplatform.sync.projection.domain.InboxSynced;
import dev.ksefplatform.sync.projection.domain.InvoiceReceived;
import dev.ksefplatform.sync.projection.domain.SyncEvent;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Folds inbox events into {@link InboxDocuments} and {@link SyncStates}. */
public final class InboxProjection implements ReadModelUpdate<SyncEvent> {

    private final InboxDocuments documents;
    private final SyncStates states;

    public InboxProjection(InboxDocuments documents, SyncStates states) {
        this.documents = documents;
        this.states = states;
    }

    @Override
    public Mono<Void> apply(List<SyncEvent> events) {
        return Flux.fromIterable(events).concatMap(this::apply).then();
    }

    private Mono<Void> apply(SyncEvent event) {
        if (event instanceof InvoiceReceived received) {
            return documents.holds(received.meta().tenantId(), received.ksefNumber())
                    .flatMap(held -> InboxFold.receive(held, received).map(documents::insert).orElse(Mono.empty()));
        }
        if (event instanceof InboxSynced synced) {
            return states.find(synced.meta().tenantId(), synced.subjectType()).map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(current -> states.save(InboxFold.evolve(current, synced)));
        }
        return Mono.empty();
    }
}
