package dev.ksefplatform.sync.integration.application;

import dev.ksefplatform.sync.integration.domain.Integration;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Integration accounts as this service knows them from the event log. */
public interface Integrations {

    Flux<Integration> findAll(Collection<String> integrationIds);

    Mono<Void> saveAll(Collection<Integration> integrations);

    /** The tenant's integration whose inbox is read: ACTIVE with InvoiceRead; the most recently activated if several. */
    Mono<Integration> inboxOf(String tenantId);

    /** The tenant's integration changed last, whatever its status: why its inbox is not read, when it is not. */
    Mono<Integration> latestOf(String tenantId);

    /** Every tenant's integration whose inbox is read, one per tenant, as {@link #inboxOf} picks it. */
    Flux<Integration> readingInboxes();
}
