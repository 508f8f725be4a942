package dev.ksefplatform.sync.webhook.application;

import dev.ksefplatform.sync.webhook.domain.Delivery;
import dev.ksefplatform.sync.webhook.domain.Webhook;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Tenants' webhooks; every read is bound to the tenant. */
public interface Webhooks {

    /** Empty when a webhook with that id already exists (whose ever it is). */
    Mono<Webhook> add(Webhook webhook, String signingSecret);

    /** The tenant's webhook with that id and URL, registered within {@code within}, with its secret; else empty. */
    Mono<WebhookRegistration.Registered> registeredWithin(String tenantId, String webhookId, String url,
                                                          Duration within);

    Flux<Webhook> of(String tenantId);

    /** True when the tenant had it. */
    Mono<Boolean> remove(String tenantId, String webhookId);

    /** Newest first; empty when the webhook is not the tenant's. */
    Flux<Delivery> deliveries(String tenantId, String webhookId, int limit);
}
