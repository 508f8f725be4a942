package dev.ksefplatform.commandapi.submission.application;

import dev.ksefplatform.commandapi.tenant.domain.Tenant;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A tenant's submissions, newest first: the read model's list. A command the gateway accepted appears once the read
 * model has folded an event of it (the worker's {@code InvoiceSent} or a verdict); until then only
 * {@code GET /api/v1/invoices/{commandId}} knows it (PENDING).
 */
public final class InvoiceListQuery {

    private final SubmissionListing listing;

    public InvoiceListQuery(SubmissionListing listing) {
        this.listing = listing;
    }

    public Mono<Map<String, Object>> page(Tenant tenant, Map<String, String> query) {
        return listing.page(tenant.id(), query);
    }
}
