package dev.ksefplatform.sync.inbox.application;

import dev.ksefplatform.sync.inbox.domain.InboxDocument;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The tenant's inbox of received invoices. */
public interface InboxDocuments {

    Mono<Boolean> holds(String tenantId, String ksefNumber);

    Mono<Void> insert(InboxDocument document);

    /** Newest first, without the XML (it is fetched one document at a time). */
    Flux<InboxDocument> latest(String tenantId, int limit);
}
