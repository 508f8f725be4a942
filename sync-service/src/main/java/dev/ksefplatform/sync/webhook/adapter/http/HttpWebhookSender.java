package dev.ksefplatform.sync.webhook.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ksefplatform.sync.notification.domain.Notification;
import dev.ksefplatform.sync.webhook.adapter.net.PublicAddressResolverGroup;
import dev.ksefplatform.sync.webhook.application.WebhookSender;
import java.net.URI;
import dev.ksefplatform.sync.webhook.domain.WebhookSignature;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * POSTs the notification as JSON, signed over exactly the bytes sent; redirects are not followed, the answer's body is
 * not read, and each attempt gives up after {@code timeout}. Unless private addresses are allowed, the host is
 * checked at every attempt (DNS can change): an IP literal here, a name by the client's resolver
 * ({@link PublicAddressResolverGroup}), so the address checked is the address connected to.
 */
public final class HttpWebhookSender implements WebhookSender {

    private final WebClient web;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeout;
    private final boolean allowPrivate;

    public HttpWebhookSender(WebClient.Builder web, ObjectMapper json, Clock clock, Duration timeout,
                             boolean allowPrivate) {
        HttpClient http = HttpClient.create().followRedirect(false).responseTimeout(timeout);
        http = allowPrivate ? http : http.resolver(new PublicAddressResolverGroup());
        this.web = web.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
        this.allowPrivate = allowPrivate;
    }

    @Override
    public Mono<Integer> send(String url, String secret, Notification notification) {
        Mono<Void> literal = allowPrivate ? Mono.empty()
                : Mono.fromRunnable(() -> PublicAddressResolverGroup.requirePublicLiteral(URI.create(url).getHost()));
        return literal.then(Mono.defer(() -> post(url, secret, notification)));
    }

    private Mono<Integer> post(String url, String secret, Notification notification) {
        byte[] body = body(notification);
        String signature = WebhookSignature.header(secret, clock.instant().getEpochSecond(), body);
        return web.post().uri(url).contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, signature)
                .header("Ksef-Notification-Id", notification.eventId())
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(timeout);
    }

    private byte[] body(Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", n.eventId());
        body.put("occurredAt", n.occurredAt().toString());
        body.put("kind", n.kind().name());
        body.put("severity", n.severity().name());
        body.put("subject", n.subject());
        body.put("contextNip", n.contextNip());
        body.put("message", n.message());
        body.put("action", n.action());
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification could not be written as JSON", e);
        }
    }
}
