package dev.ksefplatform.sync.webhook.application;

import dev.ksefplatform.sync.webhook.domain.InvalidWebhook;
import dev.ksefplatform.sync.webhook.domain.Webhook;
import dev.ksefplatform.sync.webhook.domain.WebhookUrl;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Registers a tenant's endpoint with a fresh signing secret, which the caller shows once; the URL's host must pass
 * the egress filter as it resolves now (it is checked again at every delivery).
 *
 * <p>The caller may name the new webhook's id, which makes the registration idempotent: a repeat with the same id,
 * tenant and URL within {@link #REPEATABLE_FOR} answers the webhook already registered, with its secret. So a caller
 * whose request timed out after the webhook was stored (command-api, whose answer the tenant waits for) asks again
 * and still gets the secret to show once, instead of leaving a webhook whose secret nobody saw. Only command-api can
 * name the id (this API is internal; the tenants' API takes just the URL), and it never shows an id before the
 * registration's answer, so the repeat does not open a way to read a secret again.
 */
public final class WebhookRegistration {

    static final int MAX_PER_TENANT = 5;
    static final Duration REPEATABLE_FOR = Duration.ofMinutes(2);

    private final Webhooks webhooks;
    private final boolean allowHttp;
    private final WebhookEgress egress;
    private final SecureRandom random = new SecureRandom();

    public WebhookRegistration(Webhooks webhooks, boolean allowHttp, WebhookEgress egress) {
        this.webhooks = webhooks;
        this.allowHttp = allowHttp;
        this.egress = egress;
    }

    public record Registered(Webhook webhook, String signingSecret) {
        @Override
        public String toString() {
            return "Registered[" + webhook + ", signingSecret=***]";
        }
    }

    /** @param webhookId the id to give the webhook (a UUID), or null for a new one */
    public Mono<Registered> register(String tenantId, String webhookId, String url) {
        URI uri = WebhookUrl.check(url, allowHttp);
        String checked = uri.toString();
        String id = webhookId == null ? UUID.randomUUID().toString() : uuid(webhookId);
        return webhooks.registeredWithin(tenantId, id, checked, REPEATABLE_FOR)
                .switchIfEmpty(Mono.defer(() -> create(tenantId, id, uri)));
    }

    private Mono<Registered> create(String tenantId, String id, URI uri) {
        String checked = uri.toString();
        return egress.check(uri).then(webhooks.of(tenantId).count()).flatMap(count -> {
            if (count >= MAX_PER_TENANT) {
                return Mono.error(new InvalidWebhook("at most " + MAX_PER_TENANT + " webhooks per tenant"));
            }
            String secret = "whsec_" + secret();
            return webhooks.add(new Webhook(id, tenantId, checked, null), secret)
                    .map(added -> new Registered(added, secret))
                    // the id exists: a concurrent repeat stored it first, or it is not this registration's to repeat
                    .switchIfEmpty(Mono.defer(() -> webhooks.registeredWithin(tenantId, id, checked, REPEATABLE_FOR)))
                    .switchIfEmpty(Mono.error(() -> new InvalidWebhook("webhookId " + id + " is already taken")));
        });
    }

    private static String uuid(String webhookId) {
        try {
            return UUID.fromString(webhookId).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhook("webhookId must be a UUID");
        }
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
