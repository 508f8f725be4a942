package dev.ksefplatform.sync.inbox.application;

import dev.ksefplatform.sync.inbox.domain.RawDocument;
import java.util.List;
import reactor.core.publisher.Mono;

/** The immutable store of documents as received. */
public interface DocumentStore {

    /** Appends in one statement; a document the store holds already (tenant, KSeF number) is left as it is. */
    Mono<Void> appendAll(List<RawDocument> documents);

    Mono<RawDocument> find(String tenantId, String ksefNumber);
}
