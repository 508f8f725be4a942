package dev.ksefplatform.sync.webhook.application;

import dev.ksefplatform.sync.webhook.domain.Delivery;
import dev.ksefplatform.sync.webhook.domain.Webhook;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Tenants' webhooks; every read is bound to the tenant. */
public interface Webhooks {

    Mono<Webhook> add(Webhook webhook, String signingSecret);

    Flux<Webhook> of(String tenantId);

    /** True when the tenant had it. */
    Mono<Boolean> remove(String tenantId, String webhookId);

    /** Newest first; empty when the webhook is not the tenant's. */
    Flux<Delivery> deliveries(String tenantId, String webhookId, int limit);
}
