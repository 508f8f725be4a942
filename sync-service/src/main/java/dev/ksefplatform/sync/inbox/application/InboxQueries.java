package dev.ksefplatform.sync.inbox.application;

import dev.ksefplatform.sync.inbox.domain.InboxDocument;
import reactor.core.publisher.Flux;

/** Lists a tenant's received invoices. */
public final class InboxQueries {

    public static final int MAX_LIMIT = 1000;

    private final InboxDocuments documents;

    public InboxQueries(InboxDocuments documents) {
        this.documents = documents;
    }

    public Flux<InboxDocument> latest(String tenantId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return documents.latest(tenantId, limit);
    }
}
