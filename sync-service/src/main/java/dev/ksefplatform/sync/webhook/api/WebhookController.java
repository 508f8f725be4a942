package dev.ksefplatform.sync.webhook.api;

import dev.ksefplatform.sync.webhook.application.WebhookRegistration;
import dev.ksefplatform.sync.webhook.application.Webhooks;
import dev.ksefplatform.sync.webhook.domain.Delivery;
import dev.ksefplatform.sync.webhook.domain.Webhook;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A tenant's webhooks (caller command-api); every path is bound to the tenant in it. */
@RestController
@RequestMapping("/internal/v1/tenants/{tenantId}/webhooks")
public class WebhookController {

    private final WebhookRegistration registration;
    private final Webhooks webhooks;

    public WebhookController(WebhookRegistration registration, Webhooks webhooks) {
        this.registration = registration;
        this.webhooks = webhooks;
    }

    /** The only answer that holds the signing secret (again for a repeat naming the same webhookId, see there). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<Created> register(@PathVariable String tenantId, @RequestBody UrlBody body) {
        return registration.register(tenantId, body.webhookId(), body.url()).map(done -> new Created(
                done.webhook().webhookId(), done.webhook().url(), done.webhook().createdAt(), done.signingSecret()));
    }

    @GetMapping
    public Mono<List<Webhook>> list(@PathVariable String tenantId) {
        return webhooks.of(tenantId).collectList();
    }

    @DeleteMapping("/{webhookId}")
    public Mono<ResponseEntity<Void>> remove(@PathVariable String tenantId, @PathVariable String webhookId) {
        return webhooks.remove(tenantId, webhookId).map(removed -> removed ? ResponseEntity.noContent().<Void>build()
                : ResponseEntity.notFound().<Void>build());
    }

    @GetMapping("/{webhookId}/deliveries")
    public Mono<List<Delivery>> deliveries(@PathVariable String tenantId, @PathVariable String webhookId,
                                           @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            return Mono.error(new IllegalArgumentException("limit must be between 1 and 500"));
        }
        return webhooks.deliveries(tenantId, webhookId, limit).collectList();
    }

    /** @param webhookId optional: the new webhook's id, which makes a repeat of this request safe */
    public record UrlBody(String url, String webhookId) {
    }

    public record Created(String webhookId, String url, Instant createdAt, String secret) {
        @Override
        public String toString() {
            return "Created[webhookId=" + webhookId + ", secret=***]";
        }
    }
}
