package dev.ksefplatform.sync.webhook.application;

import dev.ksefplatform.sync.webhook.domain.InvalidWebhook;
import dev.ksefplatform.sync.webhook.domain.Webhook;
import dev.ksefplatform.sync.webhook.domain.WebhookUrl;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Registers a tenant's endpoint with a fresh signing secret, which the caller shows once; the URL's host must pass
 * the egress filter as it resolves now (it is checked again at every delivery).
 */
public final class WebhookRegistration {

    static final int MAX_PER_TENANT = 5;

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

    public Mono<Registered> register(String tenantId, String url) {
        URI uri = WebhookUrl.check(url, allowHttp);
        String checked = uri.toString();
        return egress.check(uri).then(webhooks.of(tenantId).count()).flatMap(count -> {
            if (count >= MAX_PER_TENANT) {
                return Mono.error(new InvalidWebhook("at most " + MAX_PER_TENANT + " webhooks per tenant"));
            }
            String secret = "whsec_" + secret();
            Webhook webhook = new Webhook(UUID.randomUUID().toString(), tenantId, checked, null);
            return webhooks.add(webhook, secret).map(added -> new Registered(added, secret));
        });
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
