package dev.ksefplatform.commandapi.webhook.api;

import dev.ksefplatform.commandapi.tenant.application.TenantAuthentication;
import dev.ksefplatform.commandapi.web.QueryParameters;
import dev.ksefplatform.commandapi.webhook.application.TenantWebhooks;
import dev.ksefplatform.commandapi.webhook.application.WebhookNotFound;
import dev.ksefplatform.commandapi.webhook.application.WebhookSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The tenant's webhooks: notifications POSTed to its HTTPS endpoint, signed with a secret shown once. */
@RestController
class WebhookController {

    static final String WEBHOOKS = "/api/v1/webhooks";

    private final TenantAuthentication authentication;
    private final TenantWebhooks webhooks;
    private final WebhookSettings settings;

    WebhookController(TenantAuthentication authentication, TenantWebhooks webhooks, WebhookSettings settings) {
        this.authentication = authentication;
        this.webhooks = webhooks;
        this.settings = settings;
    }

    @PostMapping(WEBHOOKS)
    @Operation(summary = "Register an HTTPS endpoint; the answer holds the signing secret, shown this once. Each "
            + "notification is POSTed as JSON with Ksef-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "
            + "\"<t>.\" + body)> and Ksef-Notification-Id; any 2xx is delivered, anything else is retried with back-off")
    Mono<ResponseEntity<Map<String, Object>>> register(@RequestHeader(name = "X-API-Key", required = false) String apiKey,
                                                       @RequestBody(required = false) UrlRequest body) {
        return authentication.authenticate(apiKey)
                .flatMap(tenant -> webhooks.register(tenant.id(), body == null ? null : body.url()))
                .map(created -> ResponseEntity.created(URI.create(WEBHOOKS + "/" + created.get("webhookId")))
                        .body(created));
    }

    @GetMapping(WEBHOOKS)
    @Operation(summary = "Your webhooks (never their secrets), each with lastDelivery: its newest delivery as in "
            + "GET /api/v1/webhooks/{webhookId}/deliveries, or null")
    Mono<List<Object>> list(@RequestHeader(name = "X-API-Key", required = false) String apiKey) {
        return authentication.authenticate(apiKey).flatMap(tenant -> settings.list(tenant.id()));
    }

    @PostMapping(WEBHOOKS + "/{webhookId}/rotate")
    @Operation(summary = "A new signing secret, shown this once: the webhook is replaced by a new one (new id, new "
            + "secret; the same URL, or the url given) registered first, then the old one removed; both receive what "
            + "happens in between (deduplicate by Ksef-Notification-Id). 409 webhook-deliveries-pending while the old "
            + "one still retries deliveries")
    Mono<ResponseEntity<Map<String, Object>>> rotate(@RequestHeader(name = "X-API-Key", required = false) String apiKey,
                                                     @PathVariable String webhookId,
                                                     @RequestBody(required = false) UrlRequest body) {
        return authentication.authenticate(apiKey)
                .flatMap(tenant -> settings.rotate(tenant.id(), webhookId, body == null ? null : body.url()))
                .map(created -> ResponseEntity.created(URI.create(WEBHOOKS + "/" + created.get("webhookId")))
                        .body(created));
    }

    @DeleteMapping(WEBHOOKS + "/{webhookId}")
    @Operation(summary = "Remove a webhook and its pending deliveries")
    Mono<ResponseEntity<Void>> remove(@RequestHeader(name = "X-API-Key", required = false) String apiKey,
                                      @PathVariable String webhookId) {
        return authentication.authenticate(apiKey).flatMap(tenant -> webhooks.remove(tenant.id(), webhookId))
                .flatMap(removed -> removed ? Mono.just(ResponseEntity.noContent().<Void>build())
                        : Mono.error(new WebhookNotFound(webhookId)));
    }

    @GetMapping(WEBHOOKS + "/{webhookId}/deliveries")
    @Operation(summary = "Deliveries of a webhook, newest first: status PENDING | DELIVERED | FAILED, attempts, "
            + "last HTTP status and error, next attempt")
    @Parameter(name = "limit", in = ParameterIn.QUERY,
            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "100"))
    Mono<List<Object>> deliveries(@RequestHeader(name = "X-API-Key", required = false) String apiKey,
                                  @PathVariable String webhookId, ServerHttpRequest request) {
        return authentication.authenticate(apiKey).flatMap(tenant -> Mono.fromCallable(() ->
                        QueryParameters.of(request.getQueryParams(), Set.of("limit")).limit(100, 500))
                .flatMap(limit -> webhooks.deliveries(tenant.id(), webhookId, limit)));
    }

    record UrlRequest(String url) {
    }
}
