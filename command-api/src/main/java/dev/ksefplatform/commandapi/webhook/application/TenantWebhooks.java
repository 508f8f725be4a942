package dev.ksefplatform.commandapi.webhook.application;

import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The tenant's webhooks in sync-service; the tenant is the authenticated one, never a parameter. */
public interface TenantWebhooks {

    /** {@code webhookId, url, createdAt, secret}: the only answer that holds the signing secret. */
    Mono<Map<String, Object>> register(String tenantId, String url);

    Mono<List<Object>> list(String tenantId);

    /** Empty when the webhook is not the tenant's. */
    Mono<Boolean> remove(String tenantId, String webhookId);

    Mono<List<Object>> deliveries(String tenantId, String webhookId, int limit);
}
