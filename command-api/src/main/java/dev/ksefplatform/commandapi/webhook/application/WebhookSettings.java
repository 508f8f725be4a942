package dev.ksefplatform.commandapi.webhook.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a tenant's settings page needs beyond the read model's webhook API: each webhook with its last delivery, and
 * a rotation. The read model keeps a webhook's secret for its life, so a rotation is a replacement: a new webhook (new
 * id, new secret, the same URL or a new one) is registered first, then the old one removed. Both receive what happens
 * in between (a receiver deduplicates by {@code Ksef-Notification-Id}); a webhook with deliveries still being
 * retried is not rotated, as removing it would drop them.
 */
public final class WebhookSettings {

    private static final int PENDING_CHECKED = 500;

    private final TenantWebhooks webhooks;

    public WebhookSettings(TenantWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** Each webhook with {@code lastDelivery}: its newest delivery, or null (at most 5 webhooks per tenant). */
    public Mono<List<Object>> list(String tenantId) {
        return webhooks.list(tenantId).flatMapMany(Flux::fromIterable)
                .concatMap(webhook -> withLastDelivery(tenantId, webhook)).collectList();
    }

    /** The replacement's {@code webhookId, url, createdAt, secret}, with {@code replaced}: the removed webhook's id. */
    public Mono<Map<String, Object>> rotate(String tenantId, String webhookId, String newUrl) {
        return webhooks.list(tenantId)
                .flatMap(list -> Mono.justOrEmpty(list.stream().filter(w -> idOf(w).equals(webhookId)).findFirst()))
                .switchIfEmpty(Mono.error(() -> new WebhookNotFound(webhookId)))
                .flatMap(old -> noPendingDeliveries(tenantId, webhookId).thenReturn(old))
                .flatMap(old -> webhooks.register(tenantId, newUrl != null ? newUrl : urlOf(old)))
                .flatMap(created -> webhooks.remove(tenantId, webhookId).thenReturn(replacing(created, webhookId)));
    }

    private Mono<Void> noPendingDeliveries(String tenantId, String webhookId) {
        return webhooks.deliveries(tenantId, webhookId, PENDING_CHECKED).flatMap(deliveries -> {
            long pending = deliveries.stream().filter(d -> d instanceof Map<?, ?> m && "PENDING".equals(m.get("status"))).count();
            return pending == 0 ? Mono.empty() : Mono.error(new WebhookDeliveriesPending(webhookId, pending));
        });
    }

    private Mono<Object> withLastDelivery(String tenantId, Object webhook) {
        Map<String, Object> row = webhook instanceof Map<?, ?> m ? copy(m) : new LinkedHashMap<>();
        return webhooks.deliveries(tenantId, idOf(webhook), 1).map(deliveries -> {
            row.put("lastDelivery", deliveries.isEmpty() ? null : deliveries.get(0));
            return row;
        });
    }

    private static Map<String, Object> replacing(Map<String, Object> created, String replaced) {
        Map<String, Object> body = new LinkedHashMap<>(created);
        body.put("replaced", replaced);
        return body;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private static String idOf(Object webhook) {
        return webhook instanceof Map<?, ?> m ? Objects.toString(m.get("webhookId"), "") : "";
    }

    private static String urlOf(Object webhook) {
        return webhook instanceof Map<?, ?> m ? Objects.toString(m.get("url"), null) : null;
    }
}
