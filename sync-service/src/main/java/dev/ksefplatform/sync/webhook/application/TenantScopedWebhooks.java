package dev.ksefplatform.sync.webhook.application;

import dev.ksefplatform.support.tenancy.application.TenantScope;
import dev.ksefplatform.sync.webhook.domain.Delivery;
import dev.ksefplatform.sync.webhook.domain.Webhook;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tenant's reads of its webhooks and deliveries under row-level security; registering and removing stay with the
 * service's login, bound to the tenant by their own statements (the reader role only reads).
 */
public final class TenantScopedWebhooks implements Webhooks {

    private final Webhooks webhooks;
    private final TenantScope scope;

    public TenantScopedWebhooks(Webhooks webhooks, TenantScope scope) {
        this.webhooks = webhooks;
        this.scope = scope;
    }

    @Override
    public Mono<Webhook> add(Webhook webhook, String signingSecret) {
        return webhooks.add(webhook, signingSecret);
    }

    @Override
    public Mono<WebhookRegistration.Registered> registeredWithin(String tenantId, String webhookId, String url,
                                                                 Duration within) {
        return webhooks.registeredWithin(tenantId, webhookId, url, within);
    }

    @Override
    public Flux<Webhook> of(String tenantId) {
        return scope.readMany(tenantId, webhooks.of(tenantId));
    }

    @Override
    public Mono<Boolean> remove(String tenantId, String webhookId) {
        return webhooks.remove(tenantId, webhookId);
    }

    @Override
    public Flux<Delivery> deliveries(String tenantId, String webhookId, int limit) {
        return scope.readMany(tenantId, webhooks.deliveries(tenantId, webhookId, limit));
    }
}
